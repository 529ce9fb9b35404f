import { describe, expect, it } from 'vitest';
import { achievementKeys } from './achievement-keys.ts';

const a = (description: string) => ({ description, locked: false, notify: false, tasks: [] });

describe('achievementKeys', () => {
  it('normalises the description and numbers repeated ones', () => {
    expect(achievementKeys({ achievements: [a('Etapa 1 — Início'), a('etapa 1: INÍCIO'), a('Outra')] })).toEqual([
      'etapa 1 inicio',
      'etapa 1 inicio #2',
      'outra',
    ]);
  });
});
