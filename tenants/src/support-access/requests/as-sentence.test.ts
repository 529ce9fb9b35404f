import { describe, expect, it } from 'vitest';
import { asSentence } from './as-sentence.ts';

describe('asSentence', () => {
  it('adds a full stop only when the text has no final punctuation', () => {
    expect(asSentence('Chamado #43: agenda travada')).toBe('Chamado #43: agenda travada.');
    expect(asSentence('Chamado #43: por que a agenda trava?')).toBe('Chamado #43: por que a agenda trava?');
    expect(asSentence('Urgente!')).toBe('Urgente!');
    expect(asSentence('Já conferido.')).toBe('Já conferido.');
    expect(asSentence('Ver o “Relatório.”')).toBe('Ver o “Relatório.”');
    expect(asSentence('  dois   espaços  ')).toBe('dois espaços.');
  });
});
