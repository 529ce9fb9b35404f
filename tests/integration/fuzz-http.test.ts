/**
 * The fuzzers through HTTP (issue 16), a few hundred cases per route against the real app (default
 * plugins) on each driver: the conquistas upload, the multi-clinic paste (preview and a forged
 * confirmation), the bulk clinic CSV import (preview, and the confirmation of a previewed or tampered
 * payload), the support plugin's calendar settings and the migration request form. No input gets a 5xx,
 * and an input the app refuses (4xx) leaves every row of the tables it works on exactly as it was
 * (tenants' row hashes, crawl/row-hashes.ts). Each route's line goes into data/test-reports/fuzz.json.
 */
import { readFileSync } from 'node:fs';
import { type Database, defaultPlugins, fuzz, loadPlugins } from '@painel/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { addCrawlData } from './crawl/actors.ts';
import { targetsOf } from './crawl/html-targets.ts';
import { type RowHashes, rowHashes, tenantTables } from './crawl/row-hashes.ts';

/** Cases per route: a few hundred on PostgreSQL; fewer on PGlite, whose single connection runs one request at a time. */
const runsOn = (driver: string) => Number(process.env.FUZZ_HTTP_RUNS ?? (driver === 'postgres' ? 200 : 50));
const conquistas = (name: string) => readFileSync(new URL(`../../content/fixtures/conquistas/${name}`, import.meta.url), 'utf8');

function edits(text: string) {
  const insert = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('"', ',', '{', '}', '[', ']', ':', '\n', ';', '\uFEFF', '\u0000', 'é', '😀'));
  return fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert }), { minLength: 1, maxLength: 5 }).map((list) =>
    list.reduce((s, { at, remove, insert: added }) => {
      const p = at % (s.length + 1);
      return s.slice(0, p) + added + s.slice(p + remove);
    }, text),
  );
}

const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('', ' ', '\u0000', 'x'.repeat(5000), '1001', '2001', '-1', '99999999999999'));
const file = (bytes: string | Uint8Array, name: string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);

const clinicCsv = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom('Clínica Fuzz', '', 'a;b', '"x'), fc.constantFrom('', '1001', '2001', '7001', 'abc', '0'), fc.constantFrom('', '73.918.426/0001-00', '11.222.333/0001-81', '123')), { maxLength: 6 }).map(
    (rows) => `Nome;ID da base;CNPJ\r\n${rows.map((r) => r.join(';')).join('\r\n')}`,
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

interface Route {
  name: string;
  login: string;
  /** Tables whose rows a refused input must leave alone (schema-qualified prefixes). */
  tables: string[];
  input: fc.Arbitrary<unknown>;
  send: (t: TestApp, cookie: string, input: never) => Promise<Response>;
}

const routes: Route[] = [
  {
    name: 'conquistas upload',
    login: 'singular@demo.test',
    tables: ['content.'],
    input: fc.record({
      text: fc.oneof(edits(conquistas('full-valid.json')), edits(conquistas('seed-fragment-with-links.txt')), fc.string({ unit: 'binary', maxLength: 200 })),
      nome: fc.oneof(fc.constant('Trilha de teste'), anyText),
      trilha: fc.constantFrom('nova', '1', '999', ''),
      fileName: fc.constantFrom('conquistas.json', 'conquistas.txt', 'conquistas.pdf'),
    }),
    send: (t, cookie, i: { text: string; nome: string; trilha: string; fileName: string }) => {
      const form = new FormData();
      form.append('trilha', i.trilha);
      form.append('nome', i.nome);
      form.append('arquivo', file(i.text, i.fileName));
      return t.request('/conteudos/enviar', { cookie, method: 'POST', body: form });
    },
  },
  {
    name: 'multi-clinic paste',
    login: 'singular@demo.test',
    tables: ['public.', 'tenants.'],
    input: fc.record({
      pedido: fc.oneof(edits('Usuário: medico@demo.test\nJá está cadastrado na clínica: 1001\nMulti clínica para as clínicas: 1003, 2001'), anyText),
      confirm: fc.boolean(),
      bases: fc.array(fc.constantFrom('1001', '1002', '1003', '2001', '2002', 'x', ''), { maxLength: 4 }),
      perfil: fc.constantFrom('medico', 'gestor', 'admin', ''),
    }),
    send: (t, cookie, i: { pedido: string; confirm: boolean; bases: string[]; perfil: string }) =>
      i.confirm
        ? t.request('/usuarios/multi-clinica/confirmar', { cookie, form: { email: 'medico@demo.test', bases: i.bases, esperado: i.bases, perfil: i.perfil, origem: '1001' } })
        : t.request('/usuarios/multi-clinica/previa', { cookie, form: { modo: 'texto', pedido: i.pedido, perfil: i.perfil } }),
  },
  {
    name: 'bulk clinic CSV import',
    login: 'singular@demo.test',
    tables: ['public.clinics', 'tenants.'],
    input: fc.record({ csv: clinicCsv, tamper: fc.option(fc.constantFrom('conteudo', 'resumo', 'modo'), { nil: null }), mode: fc.constantFrom('tudo', 'validas') }),
    send: async (t, cookie, i: { csv: string; tamper: string | null; mode: string }) => {
      const form = new FormData();
      form.append('arquivo', file(i.csv, 'bases.csv'));
      const preview = await t.request('/bases/importar', { cookie, method: 'POST', body: form });
      const html = await preview.text();
      const confirm = targetsOf(html, '/bases/importar').find((x) => x.url === '/bases/importar/confirmar' && x.method === 'POST');
      if (!confirm || preview.status >= 500) return new Response(html, { status: preview.status });
      const fields: Record<string, string> = Object.fromEntries(confirm.fields ?? []);
      fields.modo = i.mode;
      if (i.tamper) fields[i.tamper] = `${fields[i.tamper] ?? ''}A`;
      return t.request('/bases/importar/confirmar', { cookie, form: fields });
    },
  },
  {
    name: 'calendar settings',
    login: 'singular@demo.test',
    tables: ['support.'],
    input: fc.record({
      kind: fc.constantFrom('settings', 'add', 'remove'),
      text: anyText,
      date: fc.oneof(fc.constantFrom('05/03/2026', '31/02/2026', '2026-03-05', '01/01/10000', ''), anyText),
      retention: fc.oneof(fc.constantFrom('30', '29', '3650', '3651', '1e2', ''), anyText),
      holidays: fc.array(fc.constantFrom('carnaval', 'corpus_christi', 'x', ''), { maxLength: 3 }),
    }),
    send: (t, cookie, i: { kind: string; text: string; date: string; retention: string; holidays: string[] }) =>
      i.kind === 'settings'
        ? t.request('/p/support/configuracoes', { cookie, form: { textoTiss: i.text, retencaoDias: i.retention, facultativos: i.holidays, equipePropria: '1' } })
        : t.request(`/p/support/configuracoes/folgas${i.kind === 'remove' ? '/remover' : ''}`, { cookie, form: { data: i.date } }),
  },
  {
    name: 'migration request form',
    login: 'clinica@demo.test',
    tables: ['migration.'],
    input: fc.dictionary(
      fc.constantFrom('sistema', 'sistemaOutro', 'versao', 'dataDisponivel', 'horaInicio', 'horaFim', 'contatoEmail', 'contatoTelefone', 'modoExtracao', 'formatos', 'entidades'),
      anyText,
      { maxKeys: 4 },
    ),
    send: (t, cookie, overrides: Record<string, string>) =>
      t.request('/p/migration/solicitacoes', {
        cookie,
        form: {
          sistema: 'outro',
          sistemaOutro: 'Sistema Antigo',
          versao: '3.1',
          dataDisponivel: '10/03/2026',
          horaInicio: '08:00',
          horaFim: '12:00',
          contatoNome: 'Carla Gestora',
          contatoTelefone: '(49) 9 9970-0252',
          contatoEmail: 'carla@clinica.test',
          analistaNome: 'Sérgio Analista',
          analistaTelefone: '49 3322-1100',
          analistaEmail: 'analista@singular.test',
          modoExtracao: 'clinica',
          formatos: ['postgresql'],
          entidades: ['pacientes'],
          ...overrides,
        },
      }),
  },
];

describe.each(testDrivers())('fuzzing through HTTP on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let tables: Awaited<ReturnType<typeof tenantTables>>;

  const RUNS = runsOn(driver);
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db, { plugins: await loadPlugins(defaultPlugins) });
    await addCrawlData(db);
    tables = await tenantTables(db);
  }, 300_000);
  afterAll(async () => {
    await t.host.stop();
    await db.close();
  });

  it.each(routes)(`$name: no 5xx, and a refused input changes nothing (${RUNS} cases)`, { timeout: 600_000 }, async (route) => {
    const cookie = await t.session(route.login);
    const watched = tables.filter((x) => route.tables.some((p) => x.table.startsWith(p)));
    const snapshot = async (): Promise<RowHashes> => {
      const all = await rowHashes(db, watched);
      return new Map([...all].filter(([, v]) => route.tables.some((p) => v.table.startsWith(p))));
    };
    let before = await snapshot();
    const statuses = new Map<number, number>();
    await fuzz(
      `${route.name} through HTTP (${driver})`,
      fc.asyncProperty(route.input, async (input) => {
        const res = await route.send(t, cookie, input as never);
        const body = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, body.slice(0, 300)).toBeLessThan(500);
        expect(res.headers.get('location') ?? '', 'the session must stay signed in').not.toMatch(/^\/login/);
        const after = await snapshot();
        if (res.status >= 400) expect(Object.fromEntries(after), 'a refused input changed rows').toEqual(Object.fromEntries(before));
        before = after;
      }),
      { numRuns: RUNS },
    );
    // Refusals were exercised (the check above had something to check).
    expect([...statuses.keys()].some((s) => s >= 400), JSON.stringify([...statuses])).toBe(true);
  });
});
