import { describe, expect, it } from 'vitest';
import type { ValidationResult } from './types.ts';
import { validateConquistas } from './validate-conquistas.ts';

const options = { isKnownArticleSlug: (slug: string) => slug === 'primeiros-passos' };
const task = { titulo: 'Tarefa', efetuada: false, identificador_artigo: 'https://youtu.be/dQw4w9WgXcQ' };
const fileWith = (tasks: object[], extra: object = {}) =>
  JSON.stringify({ conquistas: [{ descricao: 'Conquista', bloqueada: false, notificado: true, tarefas: tasks, ...extra }] }, null, 2);

function errorsOf(result: ValidationResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

describe('validateConquistas', () => {
  it('returns the track in the product model', () => {
    const text = fileWith([
      { ...task, id: 'guia', titulo: 'Autorização de guia', efetuada: true },
      { ...task, titulo: 'Ajuda: Primeiros Passos', identificador_artigo: ' primeiros-passos ' },
    ]);
    expect(validateConquistas(text, options)).toEqual({
      ok: true,
      notices: [],
      track: {
        achievements: [
          {
            description: 'Conquista',
            locked: false,
            notify: true,
            tasks: [
              { key: 'guia', title: 'Autorização de guia', doneByDefault: true, link: { kind: 'youtube', videoId: 'dQw4w9WgXcQ' } },
              { key: 'ajuda primeiros passos', title: 'Ajuda: Primeiros Passos', doneByDefault: false, link: { kind: 'article', slug: 'primeiros-passos' } },
            ],
          },
        ],
      },
    });
  });

  it('accepts the same content as bytes or as a string', () => {
    const text = fileWith([task]);
    expect(validateConquistas(new TextEncoder().encode(text), options)).toEqual(validateConquistas(text, options));
  });

  describe('size limit', () => {
    it('defaults to 256 KiB and says the limit in KB', () => {
      const tooBig = new Uint8Array(256 * 1024 + 1).fill(0x20);
      const [error] = errorsOf(validateConquistas(tooBig, options));
      expect(error).toMatchObject({ key: 'file.tooLarge', line: 1, column: 1 });
      expect(error?.message).toContain('256 KB');
      expect(errorsOf(validateConquistas(new Uint8Array(256 * 1024).fill(0x20), options))[0]?.key).toBe('file.empty');
    });

    it('uses maxBytes, and checks it before decoding', () => {
      const windows1252 = new Uint8Array([0x22, 0xe7, 0x22]);
      expect(errorsOf(validateConquistas(windows1252, { ...options, maxBytes: 2 }))[0]?.key).toBe('file.tooLarge');
      expect(errorsOf(validateConquistas(windows1252, { ...options, maxBytes: 3 }))[0]?.key).toBe('file.encoding');
    });

    it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('falls back to the default for maxBytes = %s', (maxBytes) => {
      expect(validateConquistas(fileWith([task]), { ...options, maxBytes }).ok).toBe(true);
    });
  });

  it.each(['', '   \r\n\t ', '\uFEFF', '\uFEFF\n\n'])('calls %j an empty file', (text) => {
    const result = validateConquistas(text, options);
    expect(errorsOf(result)).toEqual([expect.objectContaining({ key: 'file.empty', line: 1, column: 1 })]);
    expect(result.notices.map((notice) => notice.key)).toEqual(text.startsWith('\uFEFF') ? ['normalize.bom'] : []);
  });

  it('reports every problem at once, sorted by position', () => {
    const text = fileWith([
      { ...task, titulo: 'Um', efetuada: 'não' },
      { ...task, titulo: 'Dois', titlo: 'x' },
      { ...task, titulo: 'Três', identificador_artigo: 'INSERIR LINK DO YOUTUBE' },
      { ...task, titulo: 'tres!' },
    ]);
    const errors = errorsOf(validateConquistas(text, options));
    expect(errors.map((error) => error.key)).toEqual([
      'schema.type',
      'schema.unknownKey',
      'link.placeholder',
      'schema.duplicateTask',
    ]);
    const positions = errors.map((error) => error.line * 1000 + error.column);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('points at the unknown key and suggests only keys the object does not have', () => {
    const withBoth = errorsOf(validateConquistas(fileWith([{ ...task, titlo: 'x' }]), options));
    expect(withBoth).toHaveLength(1);
    expect(withBoth[0]?.message).not.toContain('Você quis dizer');
    expect(withBoth[0]?.message).toContain('"titulo", "efetuada", "identificador_artigo" e "id"');
    expect(withBoth[0]?.snippet.trim()).toBe('"titlo": "x"');
  });

  it('replaces the "missing key" error by the suggestion, but keeps it when nothing is suggested', () => {
    const { titulo: _, ...withoutTitle } = task;
    const misspelt = errorsOf(validateConquistas(fileWith([{ ...withoutTitle, titlo: 'x' }]), options));
    expect(misspelt.map((error) => error.key)).toEqual(['schema.unknownKey']);
    expect(misspelt[0]?.message).toBe('Chave desconhecida "titlo". Você quis dizer "titulo"?');
    const unrelated = errorsOf(validateConquistas(fileWith([{ ...withoutTitle, cor: 'azul' }]), options));
    expect(unrelated.map((error) => error.key).sort()).toEqual(['schema.required', 'schema.unknownKey']);
  });

  it('does not check a link that already has a schema error', () => {
    const errors = errorsOf(validateConquistas(fileWith([{ ...task, identificador_artigo: '' }]), options));
    expect(errors.map((error) => error.key)).toEqual(['schema.minLength']);
  });

  it('returns the notices with the errors', () => {
    const result = validateConquistas('"conquistas": [\n{"descricao": 1},\n', options);
    expect(result.ok).toBe(false);
    expect(result.notices.map((notice) => notice.key)).toEqual([
      'normalize.braces',
      'normalize.trailingComma',
      'normalize.closedList',
    ]);
  });

  it('locates errors in the original text, not in the normalised one', () => {
    const text = '\uFEFF"conquistas": [\r\n{"descricao": "x", "bloqueada": false, "notificado": 1, "tarefas": []},\r\n';
    const errors = errorsOf(validateConquistas(text, options));
    expect(errors.map(({ key, line, column }) => ({ key, line, column }))).toEqual([
      { key: 'schema.type', line: 2, column: 54 },
      { key: 'schema.minItems', line: 2, column: 68 },
    ]);
  });

  it('locates unknown keys that contain "/" or "~" (escaped in the JSON pointer)', () => {
    const errors = errorsOf(validateConquistas('{"conquistas": [],\n  "a/b~c": 1}', options));
    expect(errors.find((error) => error.key === 'schema.unknownKey')).toMatchObject({ line: 2, column: 3, pointer: '/a~1b~0c' });
  });

  it('reports duplicate keys at the second one', () => {
    const errors = errorsOf(validateConquistas('{\n"conquistas": [],\n"conquistas": []\n}', options));
    expect(errors.map((error) => error.key)).toEqual(['schema.minItems', 'json.duplicateKey']);
    const error = errors[1];
    expect(error).toMatchObject({ key: 'json.duplicateKey', line: 3, column: 1, pointer: '/conquistas' });
    expect(error?.message).toContain('linha 2');
  });

  describe('never throws', () => {
    it('when the slug lookup throws', () => {
      const throwing = () => {
        throw new Error('offline');
      };
      const result = validateConquistas(fileWith([{ ...task, identificador_artigo: 'primeiros-passos' }]), { isKnownArticleSlug: throwing });
      expect(errorsOf(result).map((error) => error.key)).toEqual(['link.invalid']);
    });

    it('when called without options or with something that is not a file', () => {
      const loose = validateConquistas as (input: unknown, options?: unknown) => ValidationResult;
      expect(loose(fileWith([task])).ok).toBe(true);
      expect(errorsOf(loose(fileWith([{ ...task, identificador_artigo: 'primeiros-passos' }]), null))[0]?.key).toBe('link.invalid');
      expect(errorsOf(loose(null, options))[0]?.key).toBe('internal.error');
      expect(errorsOf(loose(42, options))[0]?.key).toBe('internal.error');
    });
  });
});
