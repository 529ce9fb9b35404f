import { describe, expect, it } from 'vitest';
import { cleanLine, splitPastedLines } from './pasted-lines.ts';

describe('cleanLine', () => {
  it.each([
    ['  Usuário: a@b.com  ', 'Usuário: a@b.com'],
    ['- 2345', '2345'],
    ['• Usuário: a@b.com', 'Usuário: a@b.com'],
    ['> > Já está cadastrado na clínica: 1', 'Já está cadastrado na clínica: 1'],
    ['*Usuário:* a@b.com', 'Usuário:* a@b.com'],
    ['_Usuário:_ a@b.com', 'Usuário:_ a@b.com'],
    ['1) Usuário: a@b.com', 'Usuário: a@b.com'],
    ['2. Já está cadastrado', 'Já está cadastrado'],
    ['2345. 3456', '2345. 3456'],
    ['📧 Usuário: a@b.com', 'Usuário: a@b.com'],
    ['\u00A0\tUsuário: a@b.com', 'Usuário: a@b.com'],
  ])('%j → %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });
});

describe('splitPastedLines', () => {
  it('numbers lines across \\r\\n, \\n and \\r and removes invisible characters', () => {
    const lines = splitPastedLines('\uFEFFa\r\nb\u200B\n\nc\rd');
    expect(lines).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: '' },
      { line: 4, text: 'c' },
      { line: 5, text: 'd' },
    ]);
  });
});
