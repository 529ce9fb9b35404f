import { describe, expect, it } from 'vitest';
import { normalizeFragment } from './normalize-fragment.ts';

const keysOf = (text: string) => normalizeFragment(text).notices.map((notice) => notice.key);

describe('normalizeFragment', () => {
  it('leaves valid JSON untouched, with no notices', () => {
    const text = '{"conquistas": [1, 2]}';
    expect(normalizeFragment(text)).toMatchObject({ source: text, json: text, notices: [] });
  });

  it('turns the seed shape into JSON: braces, trailing comma, open list', () => {
    const text = '"conquistas": [\n\n{\n\n"a": 1\n\n},\n';
    const normalized = normalizeFragment(text);
    expect(JSON.parse(normalized.json)).toEqual({ conquistas: [{ a: 1 }] });
    expect(normalized.notices).toEqual([
      { key: 'normalize.braces', message: 'Adicionadas as chaves { } ao redor do conteúdo' },
      { key: 'normalize.trailingComma', message: 'Removida a vírgula final na linha 7', line: 7, column: 2 },
      {
        key: 'normalize.closedList',
        message: 'Fechado o colchete ] da lista "conquistas" que estava aberto',
        line: 1,
        column: 15,
      },
    ]);
  });

  it('keeps offsets: every character of the source is at offset + prefix in the JSON', () => {
    const text = '"conquistas": [ {"a": [1, 2,], "b": "x,]"}, ';
    const normalized = normalizeFragment(text);
    for (let offset = 0; offset < text.length; offset++) {
      const char = normalized.json[offset + 1];
      expect(char === text[offset] || (text[offset] === ',' && char === ' ')).toBe(true);
      expect(normalized.toSourceOffset(offset + 1)).toBe(offset);
    }
    expect(normalized.toSourceOffset(0)).toBe(0);
    expect(normalized.toSourceOffset(normalized.json.length)).toBe(text.length);
  });

  it('removes a UTF-8 BOM and says so; offsets are relative to the text without it', () => {
    const normalized = normalizeFragment('\uFEFF{"a": 1}');
    expect(normalized).toMatchObject({ source: '{"a": 1}', json: '{"a": 1}' });
    expect(normalized.notices).toEqual([{ key: 'normalize.bom', message: 'Removido o BOM UTF-8 do início do arquivo' }]);
    expect(normalized.toSourceOffset(3)).toBe(3);
  });

  it('removes trailing commas in objects and lists, never inside strings', () => {
    const normalized = normalizeFragment('{"a": [1, 2,], "b": "x,}",\n}');
    expect(JSON.parse(normalized.json)).toEqual({ a: [1, 2], b: 'x,}' });
    expect(normalized.notices.map((notice) => notice.line)).toEqual([1, 1]);
  });

  it('accepts the fragment with its list already closed, or followed by a comma', () => {
    expect(keysOf('"conquistas": []')).toEqual(['normalize.braces']);
    expect(JSON.parse(normalizeFragment('"conquistas": [],').json)).toEqual({ conquistas: [] });
    expect(JSON.parse(normalizeFragment('"conquistas": [').json)).toEqual({ conquistas: [] });
  });

  it('names the list it closes after its key', () => {
    expect(normalizeFragment('"conquistaz": [1,').notices.at(-1)?.message).toContain('"conquistaz"');
  });

  it.each([
    ['an unclosed object inside the list', '"conquistas": [ {"a": 1'],
    ['an unclosed inner list', '"conquistas": [ {"a": [1'],
    ['an unclosed root object', '{"conquistas": [ {}'],
    ['a double comma', '{"a": [1,,]}'],
    ['a comma with no value before it', '{"a": [,]}'],
    ['a comma before the wrong bracket', '{"a": [1,}'],
    ['a lexical error before the end', '"conquistas": [ {"a": \'x\'}, '],
    ['unbalanced brackets', '"conquistas": [ ] ], '],
  ])('does not guess with %s', (_, text) => {
    const normalized = normalizeFragment(text);
    expect(normalized.notices.filter((notice) => notice.key !== 'normalize.braces')).toEqual([]);
    expect(() => JSON.parse(normalized.json)).toThrow();
  });

  it('does not add the closing brace around an incomplete fragment', () => {
    expect(normalizeFragment('"conquistas": [ {"a": 1').json).toBe('{"conquistas": [ {"a": 1');
  });
});

describe('normalizeFragment, fragment closed by the uploader', () => {
  it('adds only the missing opening brace when the fragment ends with "}"', () => {
    const normalized = normalizeFragment('"conquistas": [1]\n}\n');
    expect(JSON.parse(normalized.json)).toEqual({ conquistas: [1] });
    expect(normalized.notices).toEqual([
      { key: 'normalize.braces', message: 'Adicionada a chave { que faltava no início do conteúdo' },
    ]);
  });

  it('does not accept a stray "}" anywhere else', () => {
    expect(() => JSON.parse(normalizeFragment('"a": 1 }, "b": 2').json)).toThrow();
    expect(() => JSON.parse(normalizeFragment('"a": 1 } }').json)).toThrow();
  });
});
