import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, parseJson } from './parse-json.ts';

function problemOf(text: string) {
  const result = parseJson(text);
  if (result.ok) throw new Error(`expected a syntax error in ${text}`);
  return result.problem;
}

describe('parseJson', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e7\\"\\/"], "b": {}}';
    const result = parseJson(text);
    expect(result.ok && JSON.stringify(result.value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('records where each key and value is', () => {
    const text = '{"a": {"b~/c": [10, "x"]}}';
    const result = parseJson(text);
    if (!result.ok) throw new Error('should parse');
    expect(result.locations.get('')).toEqual({ value: 0, valueEnd: text.length });
    expect(result.locations.get('/a')).toMatchObject({ key: 1, keyEnd: 4, value: 6 });
    expect(result.locations.get('/a/b~0~1c')).toMatchObject({ key: 7, value: 15 });
    expect(result.locations.get('/a/b~0~1c/1')).toEqual({ value: 20, valueEnd: 23 });
  });

  it('keeps "__proto__" as an ordinary own key', () => {
    const result = parseJson('{"__proto__": {"x": 1}}');
    expect(result.ok && Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reports duplicate keys, keeping the first value', () => {
    const result = parseJson('{"a": 1, "b": 2, "a": 3}');
    if (!result.ok) throw new Error('should parse');
    expect((result.value as Record<string, unknown>).a).toBe(1);
    expect(result.duplicateKeys).toEqual([{ pointer: '/a', name: 'a', offset: 17, firstOffset: 1 }]);
  });

  it.each([
    ['a missing comma between members, after the previous value', '{"a": 1\n "b": 2}', 7, 'falta uma vírgula'],
    ['a missing comma between items, after the previous item', '[{}\n{}]', 3, 'falta uma vírgula (,) entre os itens'],
    ['a wrong closing bracket', '{"a": 1]', 7, "esperava ',' ou '}' depois do valor, mas encontrou ']'"],
    ['a wrong closing brace', '[1}', 2, "esperava ',' ou ']'"],
    ['a missing colon', '{"a" 1}', 5, "esperava ':' depois da chave \"a\""],
    ['an unquoted key', '{titulo: 1}', 1, 'precisa estar entre aspas duplas'],
    ['a misspelt literal', '{"a": True}', 6, 'o valor "True" não é válido'],
    ['a missing value', '{"a": }', 6, 'esperava um valor'],
    ['a double comma', '[1,,2]', 3, 'esperava um valor'],
    ['an unclosed string, at its opening quote', '{"a": "abc\n}', 6, 'não foi fechado'],
    ['an invalid escape', '"a\\x"', 2, 'barra invertida'],
    ['a tab inside a string', '"a\tb"', 2, 'tabulação'],
    ['single quotes', "{'a': 1}", 1, 'aspas simples'],
    ['curly quotes', '{“a”: 1}', 1, 'aspas curvas'],
    ['a non-breaking space', '{\u00a0"a": 1}', 1, 'U+00A0'],
    ['a comment', '{"a": 1 // nota\n}', 8, 'comentários'],
    ['an invalid number', '[01]', 1, 'número inválido "01"'],
    ['content after the end', '{} {}', 3, 'conteúdo depois do fim'],
    ['an unexpected end, after the last token', '{"a": [1, 2\n\n\n', 11, 'o arquivo terminou'],
  ])('reports %s', (_, text, offset, message) => {
    const problem = problemOf(text);
    expect(problem.key).toBe('json.syntax');
    expect(problem.offset).toBe(offset);
    expect(problem.message).toContain(message);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reports the first error when a lexical error comes later', () => {
    expect(problemOf('{"a" 1, "b": \'x\'}').offset).toBe(5);
    expect(problemOf('{"a": 1, "b": \'x\'}').offset).toBe(14);
  });

  it(`refuses nesting deeper than ${MAX_NESTING_DEPTH} levels without overflowing the stack`, () => {
    expect(parseJson('['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH)).ok).toBe(true);
    const deep = '['.repeat(100_000);
    expect(problemOf(deep)).toMatchObject({ key: 'json.tooDeep', offset: MAX_NESTING_DEPTH });
  });
});
