import { describe, expect, it } from 'vitest';
import { duplicateLines, joinLines } from './duplicates.ts';

describe('duplicateLines', () => {
  it('maps every occurrence of a repeated key to all its lines', () => {
    const items = [
      { line: 2, key: 10 },
      { line: 3, key: 20 },
      { line: 4, key: null },
      { line: 5, key: 10 },
      { line: 6, key: null },
      { line: 8, key: 10 },
    ];
    expect(duplicateLines(items)).toEqual(
      new Map([
        [0, [2, 5, 8]],
        [3, [2, 5, 8]],
        [5, [2, 5, 8]],
      ]),
    );
  });
});

describe('joinLines', () => {
  it.each([
    [[3], '3'],
    [[3, 7], '3 e 7'],
    [[3, 7, 9], '3, 7 e 9'],
    [[2, 3, 4, 5, 6], '2, 3, 4, 5 e 6'],
    [Array.from({ length: 2000 }, (_, i) => i + 2), '2, 3, 4, 5, 6 e outras 1.995'],
  ])('%j → %s', (lines, text) => {
    expect(joinLines(lines)).toBe(text);
  });
});
