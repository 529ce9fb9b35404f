import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fuzz } from '@painel/core/testing';
import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.ts';
import type { ValidationResult } from './types.ts';
import { validateConquistas } from './validate-conquistas.ts';

const options = { isKnownArticleSlug: (slug: string) => slug === 'primeiros-passos' };
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/conquistas/${name}`, import.meta.url), 'utf8');

/** The text positions refer to: the upload without its BOM (bytes decoded leniently, as a user's editor would). */
function visibleText(input: string | Uint8Array): string {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Never throws; when refused, every error has a key, a message and a position inside the text. */
function checkWellFormed(input: string | Uint8Array): ValidationResult {
  const result = validateConquistas(input, options);
  if (result.ok) {
    expect(result.track.achievements.length).toBeGreaterThan(0);
    return result;
  }
  const lines = visibleText(input).split(/\r\n|\r|\n/);
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.key).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.line).toBeLessThanOrEqual(lines.length);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeLessThanOrEqual(Array.from(lines[error.line - 1] ?? '').length + 1);
  }
  return result;
}

/** Random deletions/insertions of characters JSON cares about, at random places. */
function mutationsOf(text: string) {
  const insertable = fc.string({
    maxLength: 3,
    unit: fc.constantFrom('"', ',', '{', '}', '[', ']', ':', ' ', '\n', '\r', '\t', 'a', '1', '\\', 'é', '😀', '\uFEFF', '“', '\u00a0'),
  });
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: insertable });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((current, { at, remove, insert }) => {
      const position = at % (current.length + 1);
      return current.slice(0, position) + insert + current.slice(position + remove);
    }, text),
  );
}

/** Objects shaped like the format, with right, wrong and misspelt keys and values. */
const formatShaped = (() => {
  const value = fc.oneof(
    fc.constantFrom('INSERIR LINK DO YOUTUBE', 'https://youtu.be/dQw4w9WgXcQ', 'primeiros-passos', 'Tarefa', '', 'a-1'),
    fc.boolean(),
    fc.anything({ maxDepth: 2 }),
  );
  const task = fc.dictionary(fc.constantFrom('titulo', 'titlo', 'efetuada', 'identificador_artigo', 'id', 'x'), value);
  const achievement = fc.dictionary(
    fc.constantFrom('descricao', 'bloqueada', 'notificado', 'tarefas', 'descrição'),
    fc.oneof(value, fc.array(task, { maxLength: 4 })),
  );
  return fc.dictionary(fc.constantFrom('conquistas', 'conquista'), fc.oneof(value, fc.array(achievement, { maxLength: 3 })));
})();

describe('validateConquistas on arbitrary input', () => {
  it('handles arbitrary strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => void checkWellFormed(text)), { numRuns: 500 });
  });

  it('handles arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void checkWellFormed(bytes)), { numRuns: 500 });
  });

  it('handles arbitrary JSON documents', () => {
    fc.assert(fc.property(fc.json(), (json) => void checkWellFormed(json)), { numRuns: 300 });
  });

  it('handles arbitrary values, serialised as files and as seed-style fragments', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), formatShaped), fc.boolean(), (value, asFragment) => {
        const json = JSON.stringify(value, null, 2) ?? '';
        const text = asFragment && json.startsWith('{') ? `${json.slice(1, json.lastIndexOf('}'))},\n` : json;
        checkWellFormed(text);
      }),
      { numRuns: 500 },
    );
  });

  it.each(['seed-fragment-with-links.txt', 'full-valid.json', 'seed-fragment-crlf-vimeo.txt'])(
    'handles random edits of %s',
    (name) => {
      fc.assert(fc.property(mutationsOf(fixture(name)), (text) => void checkWellFormed(text)), { numRuns: 500 });
    },
  );

  it('gives the same answer for a text and its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), mutationsOf(fixture('full-valid.json'))), (edited) => {
        // A lone surrogate has no UTF-8 form: the encoder writes U+FFFD, so the text to compare is that one.
        const text = edited.replace(/\p{Cs}/gu, '\uFFFD');
        expect(validateConquistas(new TextEncoder().encode(edited), options)).toEqual(validateConquistas(text, options));
      }),
      { numRuns: 200, examples: [['{ "titulo": "Prontuário"\ude00, }'], ['\ud83d']] },
    );
  });
});

describe('parseJson agrees with JSON.parse', () => {
  const agrees = (text: string) => {
    const parsed = parseJson(text);
    let expected: unknown;
    try {
      expected = JSON.parse(text);
    } catch {
      expect(parsed.ok).toBe(false);
      return;
    }
    expect(parsed.ok && parsed.value).toEqual(expected);
  };

  it('on valid JSON', () => {
    fc.assert(fc.property(fc.json(), agrees), { numRuns: 300 });
  });

  it('on arbitrary strings and on edited JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), mutationsOf(fixture('full-valid.json'))), agrees), {
      numRuns: 1000,
    });
  });
});

/** The standing fuzzer (issue 16): 10,000 uploads of every kind above in one recorded run. */
describe('conquistas upload fuzzer', () => {
  const upload = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }),
    fc.json(),
    fc.tuple(fc.oneof(fc.anything({ maxDepth: 3 }), formatShaped), fc.boolean()).map(([value, asFragment]) => {
      const json = JSON.stringify(value, null, 2) ?? '';
      return asFragment && json.startsWith('{') ? `${json.slice(1, json.lastIndexOf('}'))},\n` : json;
    }),
    mutationsOf(fixture('full-valid.json')),
    mutationsOf(fixture('seed-fragment-with-links.txt')),
    mutationsOf(fixture('seed-fragment-crlf-vimeo.txt')),
    mutationsOf(fixture('full-valid.json')).map((text) => new TextEncoder().encode(text)),
  );

  it('never throws and answers a well-formed result for 10,000 uploads', { timeout: 120_000 }, async () => {
    const entry = await fuzz('conquistas upload (content validation)', fc.property(upload, (input) => void checkWellFormed(input)), { numRuns: 10_000 });
    expect(entry).toEqual({ name: 'conquistas upload (content validation)', cases: 10_000, failures: 0 });
  });
});
