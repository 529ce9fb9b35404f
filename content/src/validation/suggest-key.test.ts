import { describe, expect, it } from 'vitest';
import { editDistance, suggestKey } from './suggest-key.ts';

const TASK_KEYS = ['titulo', 'efetuada', 'identificador_artigo', 'id'];

describe('editDistance', () => {
  it.each([
    ['titulo', 'titulo', 0],
    ['titlo', 'titulo', 1],
    ['tiutlo', 'titulo', 1],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('suggestKey', () => {
  it.each([
    ['titlo', 'titulo'],
    ['Titulo', 'titulo'],
    ['título', 'titulo'],
    ['efetuado', 'efetuada'],
    ['identificador-artigo', 'identificador_artigo'],
    ['identificador artigo', 'identificador_artigo'],
    ['identificador_artgo', 'identificador_artigo'],
    ['ids', 'id'],
  ])('suggests %s → %s', (typed, expected) => {
    expect(suggestKey(typed, TASK_KEYS)).toBe(expected);
  });

  it.each(['cor', 'link', 'video', 'xyzxyz'])('suggests nothing for %s', (typed) => {
    expect(suggestKey(typed, TASK_KEYS)).toBeUndefined();
  });

  it('suggests only among the given keys', () => {
    expect(suggestKey('titlo', ['efetuada'])).toBeUndefined();
  });
});
