import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from './types.ts';
import { validateConquistas } from './validate-conquistas.ts';

const FIXTURES = new URL('../../fixtures/conquistas/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES));
const validate = (name: string): ValidationResult =>
  validateConquistas(read(name), { isKnownArticleSlug: (slug) => slug === 'primeiros-passos' });

/** `key@line:column` of each error, in order. */
const located = (result: ValidationResult) =>
  result.ok ? [] : result.errors.map((error) => `${error.key}@${error.line}:${error.column}`);
const noticeKeys = (result: ValidationResult) =>
  result.notices.map((notice) => (notice.line ? `${notice.key}@${notice.line}:${notice.column}` : notice.key));

const SEED_NOTICES = ['normalize.braces', 'normalize.trailingComma@45:2', 'normalize.closedList@1:15'];

const VALID: Record<string, string[]> = {
  'seed-fragment-with-links.txt': SEED_NOTICES,
  'fragment-closed-list.txt': ['normalize.braces'],
  'full-valid.json': [],
  'bom-valid.json': ['normalize.bom'],
  'trailing-commas.json': ['11:65', '12:10', '13:8', '14:6', '15:4'].map((at) => `normalize.trailingComma@${at}`),
};

const INVALID: Record<string, string[]> = {
  'seed-fragment.txt': ['link.placeholder@19:25', 'link.placeholder@29:25', 'link.placeholder@39:25'],
  'seed-fragment-titlo.txt': ['schema.unknownKey@25:1'],
  'seed-fragment-crlf-vimeo.txt': ['link.invalid@39:25'],
  'fragment-unclosed-task.txt': ['json.syntax@10:63'],
  'missing-comma.json': ['json.syntax@5:25'],
  'missing-comma-between-tasks.txt': ['json.syntax@7:94'],
  'unclosed-string.json': ['json.syntax@4:20'],
  'smart-quotes.txt': ['json.syntax@3:14'],
  'unquoted-key.json': ['json.syntax@4:7'],
  'wrong-types.json': ['schema.type@4:20', 'schema.type@5:20', 'schema.type@10:23', 'schema.type@11:35', 'schema.type@13:9'],
  'not-an-object.json': ['schema.type@1:1'],
  'empty.txt': ['file.empty@1:1'],
  'unknown-key-conquista.json': ['schema.unknownKey@4:7', 'schema.unknownKey@7:7'],
  'missing-required.json': ['schema.required@3:5', 'schema.required@7:9'],
  'limits.json': ['schema.maxLength@4:20', 'schema.pattern@8:17', 'schema.minLength@8:37', 'schema.minItems@15:18'],
  'duplicate-tasks.json': ['schema.duplicateTask@9:21', 'schema.duplicateTask@11:17', 'schema.blankTitle@12:21'],
  'duplicate-json-key.json': ['json.duplicateKey@6:7'],
  'invalid-links.json': [
    'link.invalid@8:73',
    'link.invalid@9:73',
    'link.invalid@10:86',
    'link.placeholder@11:90',
    'link.invalid@12:76',
  ],
  'windows-1252.txt': ['file.encoding@8:30'],
  'utf-16.txt': ['file.encoding@1:1'],
};

describe('fixture corpus', () => {
  it('has an expectation for every fixture file, and a file for every expectation', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual([...Object.keys(VALID), ...Object.keys(INVALID)].sort());
  });

  it.each(Object.entries(VALID))('accepts %s, saying what was normalised', (name, notices) => {
    const result = validate(name);
    expect(result.ok).toBe(true);
    expect(noticeKeys(result)).toEqual(notices);
  });

  it.each(Object.entries(INVALID))('refuses %s at the exact positions', (name, errors) => {
    const result = validate(name);
    expect(located(result)).toEqual(errors);
    if (result.ok) return;
    for (const error of result.errors) {
      expect(error.message.length).toBeGreaterThan(20);
      expect(error.snippet.length).toBeLessThanOrEqual(162);
    }
  });
});

describe('the seed article (001, §5.3.1)', () => {
  it('keeps seed-fragment.txt verbatim: lines 193–237 of the seed, blank lines included', () => {
    const text = read('seed-fragment.txt').toString('utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe('9728d6880f178542be085558044bdb98efe9c91ef1e4feda7df965525df8ee7f');
    expect(text.startsWith('"conquistas": [\n\n{\n')).toBe(true);
    expect(text.endsWith('\n]\n\n},\n')).toBe(true);
  });

  it('refuses the verbatim fragment ONLY for its three placeholders, at the identificador_artigo values', () => {
    const result = validate('seed-fragment.txt');
    if (result.ok) throw new Error('the placeholders must be refused');
    const lines = read('seed-fragment.txt').toString('utf8').split('\n');
    expect(result.errors).toHaveLength(3);
    result.errors.forEach((error, index) => {
      expect(error.key).toBe('link.placeholder');
      expect(error.message).toMatch(/^Substitua o texto INSERIR LINK DO YOUTUBE pelo link do vídeo no YouTube/);
      expect(error.pointer).toBe(`/conquistas/0/tarefas/${index}/identificador_artigo`);
      expect(lines[error.line - 1]).toBe('"identificador_artigo": "INSERIR LINK DO YOUTUBE"');
      expect(error.snippet).toBe('"identificador_artigo": "INSERIR LINK DO YOUTUBE"');
    });
    expect(noticeKeys(result)).toEqual(SEED_NOTICES);
  });

  it('accepts the fragment once the links are filled in, with the seed tasks and pt-BR notices', () => {
    const result = validate('seed-fragment-with-links.txt');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.notices.map((notice) => notice.message)).toEqual([
      'Adicionadas as chaves { } ao redor do conteúdo',
      'Removida a vírgula final na linha 45',
      'Fechado o colchete ] da lista "conquistas" que estava aberto',
    ]);
    const [achievement] = result.track.achievements;
    expect(achievement).toMatchObject({ description: 'Processos para Cooperados Unimed XPTO', locked: false, notify: true });
    expect(achievement?.tasks.map((task) => [task.key, task.doneByDefault, task.link])).toEqual([
      ['autorizacao de guia teleconsulta', true, { kind: 'youtube', videoId: 'dQw4w9WgXcQ' }],
      ['geracao e envio de lote faturamento', true, { kind: 'youtube', videoId: '9bZkp7q19f0' }],
      ['solicitacao de exames prontuario eletronico', true, { kind: 'youtube', videoId: 'aqz-KE-bpKQ' }],
    ]);
  });

  it('points at the misspelt "titlo" key and suggests "titulo"', () => {
    const result = validate('seed-fragment-titlo.txt');
    if (result.ok) throw new Error('titlo must be refused');
    expect(result.errors).toEqual([
      {
        key: 'schema.unknownKey',
        message: 'Chave desconhecida "titlo". Você quis dizer "titulo"?',
        line: 25,
        column: 1,
        snippet: '"titlo": "Geração e envio de lote – Faturamento",',
        pointer: '/conquistas/0/tarefas/1/titlo',
      },
    ]);
  });
});

describe('messages of the invalid fixtures', () => {
  const messageOf = (name: string, index = 0) => {
    const result = validate(name);
    return result.ok ? '' : (result.errors[index]?.message ?? '');
  };

  it.each([
    ['missing-comma.json', 0, 'Erro de sintaxe: falta uma vírgula (,) depois deste valor'],
    ['unclosed-string.json', 0, 'não foi fechado'],
    ['smart-quotes.txt', 0, 'aspas retas'],
    ['fragment-unclosed-task.txt', 0, "esperava ',' ou '}' depois do valor, mas o arquivo terminou"],
    ['unknown-key-conquista.json', 0, 'Chave desconhecida "descrição". Você quis dizer "descricao"?'],
    ['unknown-key-conquista.json', 1, 'As chaves aceitas aqui são: "descricao", "bloqueada", "notificado" e "tarefas".'],
    ['wrong-types.json', 1, 'O valor de "bloqueada" na conquista 1 deve ser true ou false, sem aspas.'],
    ['missing-required.json', 0, 'Falta a chave "notificado" (true ou false) na conquista 1.'],
    ['limits.json', 0, 'tem 209 caracteres; o máximo é 200.'],
    ['duplicate-tasks.json', 0, 'A tarefa 2 da conquista 1 repete o título da tarefa 1'],
    ['duplicate-tasks.json', 1, 'A tarefa 4 da conquista 1 repete o "id" "guia" da tarefa 3'],
    ['windows-1252.txt', 0, 'UTF-8'],
  ])('%s #%i says %j', (name, index, text) => {
    expect(messageOf(name, index)).toContain(text);
  });
});
