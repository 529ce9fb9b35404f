import { describe, expect, it } from 'vitest';
import { productSources } from './source-files.ts';

describe('plural forms', () => {
  it('no text shown to people writes an optional plural such as "usuário(s)" or "sessão(ões)"', () => {
    // A lower-case word (not a call such as `fn(s)` or `x.test(s)`) with an optional ending, followed by text punctuation.
    const optionalPlural = /(?<![\w.])\p{Ll}{2,}\((?:s|es|ões|is|ns)\)(?=[\s.,:!?'"`])/u;
    const offenders = productSources().flatMap((f) =>
      f.text
        .split('\n')
        .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
        .filter(({ line }) => optionalPlural.test(line) && !/^\s*(\/\/|\*|\/\*\*)/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
