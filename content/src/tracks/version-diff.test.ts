import { describe, expect, it } from 'vitest';
import type { ParsedTrack } from '../validation/index.ts';
import { diffVersions } from './version-diff.ts';

const link = { kind: 'youtube', videoId: 'aqz-KE-bpKQ' } as const;
const t = (key: string, title = key, doneByDefault = false) => ({ key, title, doneByDefault, link });
const live: ParsedTrack = {
  achievements: [
    { description: 'Faturamento', locked: false, notify: true, tasks: [t('lote', 'Envio de lote'), t('guia')] },
    { description: 'Antiga', locked: false, notify: false, tasks: [t('z')] },
  ],
};

describe('diffVersions', () => {
  it('reports added/removed conquistas and tasks, retitles and conquistas that reopen', () => {
    const next: ParsedTrack = {
      achievements: [
        { description: 'faturamento', locked: false, notify: true, tasks: [t('lote', 'Envio do lote'), t('nova'), t('info', 'Info', true)] },
        { description: 'Nova conquista', locked: true, notify: false, tasks: [t('y')] },
      ],
    };
    const diff = diffVersions(live, next);
    expect(diff.addedAchievements).toEqual(['Nova conquista']);
    expect(diff.removedAchievements).toEqual(['Antiga']);
    expect(diff.addedTasks.map((x) => x.title)).toEqual(['nova', 'Info']);
    expect(diff.removedTasks.map((x) => x.title)).toEqual(['guia']);
    expect(diff.retitledTasks).toEqual([{ achievement: 'faturamento', from: 'Envio de lote', to: 'Envio do lote' }]);
    expect(diff.reopened).toEqual(['faturamento']);
    expect(diff.unchanged).toBe(false);
  });

  it('says when nothing changes and does not reopen for informational tasks only', () => {
    expect(diffVersions(live, structuredClone(live)).unchanged).toBe(true);
    const infoOnly: ParsedTrack = { achievements: [{ ...live.achievements[0]!, tasks: [...live.achievements[0]!.tasks, t('i', 'I', true)] }, live.achievements[1]!] };
    const diff = diffVersions(live, infoOnly);
    expect(diff.reopened).toEqual([]);
    expect(diff.addedTasks).toHaveLength(1);
  });
});
