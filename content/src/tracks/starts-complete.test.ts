import { describe, expect, it } from 'vitest';
import type { ParsedTrack } from '../validation/index.ts';
import { defaultProgress, startsComplete } from './starts-complete.ts';

const track = (...done: boolean[][]): ParsedTrack => ({
  achievements: done.map((tasks, i) => ({
    description: `C${i}`,
    locked: false,
    notify: false,
    tasks: tasks.map((d, j) => ({ key: `t${i}-${j}`, title: `T${j}`, doneByDefault: d, link: { kind: 'article', slug: 'x' } as never })),
  })),
});

describe('startsComplete', () => {
  it('is true only when every task of every conquista starts done', () => {
    expect(startsComplete(track([true, true], [true]))).toBe(true);
    expect(startsComplete(track([true, false], [true]))).toBe(false);
    expect(startsComplete(track([]))).toBe(false);
    expect(defaultProgress(track([true, false], [true]))).toEqual({ done: 2, total: 3 });
  });
});
