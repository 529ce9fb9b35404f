/**
 * Pre-validation of a request's exported files through the web: upload per entity (streamed), the
 * validation job, the same report as `migration:check --json` for the same generated files, the mapping
 * review saving a template per legacy system applied to the next upload, the error CSV (audited, EHR
 * entities restricted), the corrected re-upload merged by line, and the confirmed-rows contract.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedFiles, prevalidation, runMigrationCheck as runCli, validRowsOf } from '@painel/migration';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

const { generator, jsonReport } = prevalidation;
const { convenios, procedimentos, patients, agendamentos, writeCsv, writeXlsx } = generator;
type FileReport = prevalidation.FileReport;

interface FileRow {
  id: number;
  entity: string;
  status: string;
  original_name: string;
  rows: number | null;
  valid_rows: number | null;
  report: (FileReport & { merge?: { replaced: number; added: number }; templateApplied?: boolean }) | null;
  mapping: Array<{ column: string; index: number; field: string; confidence: number }> | null;
  history: Array<{ reason: string; valid: number }>;
  errors_ref: string | null;
  corrects_file_id: number | null;
}

describe.each(testDrivers())('pre-validation of exported files through the web, app on %s', (driver) => {
  let t: MigrationTestApp;
  let dir: string;
  let gestor: string;
  let requestId: number;
  const patientTable = patients({ rows: 400, defects: { cpf_invalido: 5, duplicado: 3, data_invalida: 4, telefone_invalido: 2, email_invalido: 2, sexo_invalido: 3 }, blankCpf: 10, convenios: 8 });
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'painel-precheck-web-'));
    files.convenios = join(dir, 'Convenios.csv');
    files.procedimentos = join(dir, 'procedimentos.xlsx');
    files.pacientes = join(dir, 'Pacientes_2024.csv');
    files.agendamentos = join(dir, 'agenda.csv');
    await writeCsv(files.convenios, convenios(8), { encoding: 'windows-1252', delimiter: ';' });
    await writeXlsx(files.procedimentos, procedimentos(20));
    await writeCsv(files.pacientes, patientTable, { encoding: 'windows-1252', delimiter: ';' });
    await writeCsv(
      files.agendamentos,
      agendamentos({ rows: 300, patients: 400, convenios: 8, procedimentos: 20, defects: { referencia_inexistente: 3, data_invalida: 2 }, unknownStatus: 4 }),
      { encoding: 'utf-8', delimiter: ',', eol: '\n' },
    );
    t = await startMigrationApp(driver);
    gestor = await t.session('clinica@demo.test');
    const [system] = await platformRows<{ id: number }>(t, sql`select id::int as id from migration.legacy_systems order by id limit 1`);
    requestId = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm({ sistema: String(system!.id), sistemaOutro: '' }) }));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (cookie: string, path: string, name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('arquivo', new File([bytes as BlobPart], name, { type: 'application/octet-stream' }));
    return t.request(path, { cookie, body: form });
  };
  const uploadFile = async (path: string) => {
    const { readFileSync } = await import('node:fs');
    const name = path.split('/').pop()!;
    return upload(gestor, `/p/migration/solicitacoes/${requestId}/arquivos`, name, readFileSync(path));
  };
  const runJobs = async () => {
    for (let i = 0; i < 20; i++) {
      const ran = (await t.services.jobs.tickOnce()).filter((o) => o.kind.endsWith('prevalidate'));
      if (ran.length === 0) return;
      for (const o of ran) expect(o.state, JSON.stringify(o)).toBe('succeeded');
    }
  };
  const fileRows = (where = sql`true`) =>
    platformRows<FileRow>(
      t,
      sql`select id::int as id, entity, status, original_name, rows, valid_rows, report, mapping, history, errors_ref, corrects_file_id::int as corrects_file_id
          from migration.request_files where request_id = ${requestId} and ${where} order by id`,
    );
  const current = async (entity: string) => (await fileRows(sql`entity = ${entity} and corrects_file_id is null and status <> 'substituido'`))[0]!;

  it('gives the same report through the web upload as migration:check --json for the same files', { timeout: 120_000 }, async () => {
    for (const entity of ['convenios', 'procedimentos', 'pacientes', 'agendamentos']) {
      const res = await uploadFile(files[entity]!);
      expect(res.status, await res.clone().text()).toBe(303);
      expect(res.headers.get('location')).toMatch(new RegExp(`/p/migration/solicitacoes/${requestId}/arquivos/\\d+$`));
    }
    const before = await fileRows();
    expect(before.map((f) => f.status)).toEqual(['enviado', 'enviado', 'enviado', 'enviado']);
    await runJobs();
    const web = await fileRows();
    expect(web.map((f) => f.status)).toEqual(['verificado', 'verificado', 'verificado', 'verificado']);

    let out = '';
    const code = await runCli(['--json', files.convenios!, files.procedimentos!, files.pacientes!, files.agendamentos!], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(0);
    const cli = JSON.parse(out) as ReturnType<typeof jsonReport>;
    const fromWeb = jsonReport(web.map((f) => f.report!));
    const strip = (doc: ReturnType<typeof jsonReport>) => ({ ...doc, files: doc.files.map((f) => ({ ...f, file: f.file.split('/').pop() })) });
    expect(strip(fromWeb)).toEqual(strip(cli));
    // And both are exact: the generator's known defects.
    const p = fromWeb.files.find((f) => f.entity === 'pacientes')!;
    expect(p).toMatchObject({ rows: 400, valid: patientTable.expected.valid, encoding: 'windows-1252', delimiter: ';' });
    expect(fromWeb.files.find((f) => f.entity === 'agendamentos')).toMatchObject({ encoding: 'utf-8', delimiter: ',', valid: 295 });
    expect(fromWeb.files.find((f) => f.entity === 'procedimentos')).toMatchObject({ delimiter: null, rows: 20, valid: 20 });

    const page = await (await t.request(`/p/migration/solicitacoes/${requestId}/arquivos`, { cookie: gestor })).text();
    expect(page).toContain('Relatório da solicitação (4 arquivos)');
    expect(page).toContain('CPF inválido');
  });

  it('reviews the mapping: highlights, refuses a field chosen twice, confirms, saves the template and applies it to the next upload', { timeout: 120_000 }, async () => {
    const file = await current('pacientes');
    const path = `/p/migration/solicitacoes/${requestId}/arquivos/${file.id}`;
    const page = await (await t.request(path, { cookie: gestor })).text();
    expect(page).toContain('Mapeamento a confirmar');
    expect(page).toMatch(/<tr class="mig-none" data-column="Aceita e-mail marketing"/);
    expect(page).toContain('Sem correspondência');
    expect(page).toContain('Baixar as 19 linhas com erro (CSV)');

    const form: Record<string, string> = {};
    file.mapping!.forEach((m) => (form[`campo_${m.index}`] = m.field));
    const rg = file.mapping!.find((m) => m.field === 'rg')!;
    const nome = file.mapping!.find((m) => m.field === 'nome')!;
    // "Nome" chosen for the RG column too: refused, nothing saved.
    const twice = await t.request(`${path}/mapeamento`, { cookie: gestor, form: { ...form, [`campo_${rg.index}`]: 'nome' } });
    expect(twice.status).toBe(303);
    expect((await current('pacientes')).status).toBe('verificado');
    expect(await (await t.request(path, { cookie: gestor })).text()).toContain(`Cada campo recebe uma só coluna: &quot;Nome&quot; foi escolhido para &quot;${nome.column}&quot; e &quot;RG&quot;`);

    // RG not imported: confirmed, re-checked, saved as the system's template.
    const ok = await t.request(`${path}/mapeamento`, { cookie: gestor, form: { ...form, [`campo_${rg.index}`]: '' } });
    expect(ok.status).toBe(303);
    await runJobs();
    const confirmed = await current('pacientes');
    expect(confirmed.status).toBe('confirmado');
    expect(confirmed.mapping!.some((m) => m.field === 'rg')).toBe(false);
    expect(confirmed.history.map((h) => h.reason)).toEqual(['envio', 'mapeamento']);
    const [template] = await platformRows<{ columns: Record<string, string> }>(t, sql`select columns from migration.mapping_templates where entity = 'pacientes'`);
    expect(template!.columns).toMatchObject({ 'Nome do Paciente': 'nome', CPF: 'cpf' });
    expect(template!.columns.RG).toBe(''); // kept out on purpose

    // The next upload from the same system: the template applies (no RG), still shown for review.
    const again = await uploadFile(files.pacientes!);
    expect(again.status).toBe(303);
    await runJobs();
    const next = await current('pacientes');
    expect(next.id).not.toBe(confirmed.id);
    expect(next.status).toBe('verificado');
    expect(next.report!.templateApplied).toBe(true);
    expect(next.mapping!.some((m) => m.field === 'rg')).toBe(false);
    expect((await fileRows(sql`id = ${confirmed.id}`))[0]!.status).toBe('substituido');
    const review = await (await t.request(`/p/migration/solicitacoes/${requestId}/arquivos/${next.id}`, { cookie: gestor })).text();
    expect(review).toContain('Colunas associadas pelo modelo salvo para o sistema');
    // Confirm it again for the next tests.
    const form2: Record<string, string> = {};
    next.mapping!.forEach((m) => (form2[`campo_${m.index}`] = m.field));
    expect((await t.request(`/p/migration/solicitacoes/${requestId}/arquivos/${next.id}/mapeamento`, { cookie: gestor, form: form2 })).status).toBe(303);
    await runJobs();
  });

  it('serves the error CSV (line, row, pt-BR reasons), audits it, and re-checks the corrected rows merged by line', { timeout: 120_000 }, async () => {
    const file = await current('pacientes');
    const base = `/p/migration/solicitacoes/${requestId}/arquivos/${file.id}`;
    const res = await t.request(`${base}/erros.csv`, { cookie: gestor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('Pacientes_2024.erros.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { delimiter: ';' }) as string[][];
    expect(rows[0]![0]).toBe('Linha');
    expect(rows[0]!.at(-1)).toBe('Motivos');
    expect(rows.length - 1).toBe(file.rows! - file.valid_rows!);
    expect(rows.some((r) => r.at(-1)!.includes('CPF inválido'))).toBe(true);
    const [audit] = await platformRows<{ n: number }>(t, sql`select count(*)::int as n from audit_log where action = 'migration.file.errors_download'`);
    expect(audit!.n).toBe(1);

    // Correct only the sexo rows of the downloaded error CSV and send them back.
    const sexoAt = rows[0]!.indexOf('Sexo');
    const fixed = rows.filter((r, i) => i > 0 && r.at(-1)!.startsWith('Sexo:'));
    expect(fixed.length).toBe(3);
    const csv = [rows[0]!, ...fixed.map((r) => r.map((c, i) => (i === sexoAt ? 'F' : c)))].map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n');
    const sent = await upload(gestor, `${base}/correcao`, 'pacientes-corrigidos.csv', csv);
    expect(sent.status).toBe(303);
    await runJobs();
    const merged = await current('pacientes');
    expect(merged.valid_rows).toBe(file.valid_rows! + 3);
    expect(merged.report!.errors.sexo_invalido).toBeUndefined();
    expect(merged.report!.merge).toEqual({ replaced: 3, added: 0 });
    expect(merged.history.map((h) => h.reason)).toEqual(['envio', 'mapeamento', 'correcao']);
    const page = await (await t.request(base, { cookie: gestor })).text();
    expect(page).toContain('Com as correções: 3 linhas substituídas');
    expect(page).toContain('pacientes-corrigidos.csv');

    // The contract: the confirmed files and their valid rows, merged.
    const confirmed = await t.db.scoped({ kind: 'clinic', resellerId: 1, clinicId: 1001 }, (tx) => confirmedFiles(tx, requestId));
    const mine = confirmed.find((f) => f.id === merged.id)!;
    expect(mine.corrections.map((c) => c.originalName)).toEqual(['pacientes-corrigidos.csv']);
    let n = 0;
    for await (const row of validRowsOf({ files: t.services.uploads.store('migration'), requestFiles: confirmed }, mine)) {
      n++;
      expect(row.values.nome).toBeTruthy();
    }
    expect(n).toBe(merged.valid_rows);
  });

  it('keeps the error rows of EHR entities to the migration team and the base clinical roles', { timeout: 120_000 }, async () => {
    const csv = 'Data;Cód. Paciente;Profissional;Evolução\r\n10/01/2024;1000;Dra. Ana;Retorno em 30 dias\r\n31/02/2024;1001;Dra. Ana;Dor lombar\r\n';
    expect((await upload(gestor, `/p/migration/solicitacoes/${requestId}/arquivos`, 'prontuarios.csv', csv, { entidade: 'prontuarios' })).status).toBe(303);
    await runJobs();
    const file = await current('prontuarios');
    expect(file.rows).toBe(2);
    expect(file.valid_rows).toBe(1);
    const base = `/p/migration/solicitacoes/${requestId}/arquivos/${file.id}`;
    expect((await t.request(`${base}/erros.csv`, { cookie: gestor })).status).toBe(403);
    expect((await t.request(`${base}/erros-prontuario.csv`, { cookie: gestor })).status).toBe(403);
    expect(await (await t.request(base, { cookie: gestor })).text()).toContain('só a equipe de migração e os profissionais clínicos da base podem baixá-las');
    const team = await t.session('migracao@demo.test');
    expect((await t.request(`${base}/erros.csv`, { cookie: team })).status).toBe(200);
    const medico = await t.session('medico@demo.test');
    expect((await t.request('/alterar-clinica', { cookie: medico, form: { base: '1001' } })).status).toBe(303);
    const res = await t.request(`${base}/erros-prontuario.csv`, { cookie: medico });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Dor lombar');
  });

  it('publishing a validation version loads the valid rows of the confirmed files into the homologation, with the source counts', { timeout: 120_000 }, async () => {
    // The request reaches "ajustes" (its earlier steps are tested in migration-lifecycle.test.ts); the team publishes.
    await t.db.scoped({ kind: 'platform' }, (tx) => t.db.query(tx, sql`update migration.requests set state = 'ajustes' where id = ${requestId}`));
    const team = await t.session('migracao@demo.test');
    expect((await t.request(`/p/migration/solicitacoes/${requestId}/acoes/publicar_validacao`, { cookie: team, form: {} })).status).toBe(303);
    const [loading] = await platformRows<{ state: string; job_id: string }>(t, sql`select state, job_id from migration.versions where request_id = ${requestId} and number = 1`);
    expect(loading).toMatchObject({ state: 'carregando', job_id: expect.any(String) });
    for (let i = 0; i < 5; i++) await t.services.jobs.tickOnce();
    const [version] = await platformRows<{ id: number; state: string; counts: Record<string, { source?: number; valid: number; staged: number; rejected: number }> }>(
      t,
      sql`select id::int, state, counts from migration.versions where request_id = ${requestId} and number = 1`,
    );
    expect(version!.state).toBe('aberta');
    const confirmed = await platformRows<{ entity: string; rows: number; valid: number }>(
      t,
      sql`select entity, sum(rows)::int as rows, sum(valid_rows)::int as valid from migration.request_files where request_id = ${requestId} and status = 'confirmado' and corrects_file_id is null group by entity order by entity`,
    );
    expect(confirmed.map((c) => c.entity)).toContain('pacientes');
    expect(Object.keys(version!.counts).sort()).toEqual(confirmed.map((c) => c.entity));
    const staged = await platformRows<{ entity: string; n: number }>(t, sql`select entity, count(*)::int as n from migration.staged_rows where version_id = ${version!.id} group by entity`);
    for (const c of confirmed) {
      const counts = version!.counts[c.entity]!;
      expect(counts).toMatchObject({ source: c.rows, valid: c.valid });
      expect(counts.staged + counts.rejected).toBe(c.valid);
      expect(staged.find((s) => s.entity === c.entity)?.n ?? 0).toBe(counts.staged);
    }
    expect(version!.counts.pacientes!.staged).toBeGreaterThan(300);
    // The test report shows the source rows beside the valid and loaded ones, and the counts agree.
    const html = await (await t.request(`/p/migration/solicitacoes/${requestId}/versoes/1/relatorio`, { cookie: gestor })).text();
    const row = html.slice(html.indexOf('<tr data-entity="pacientes"'), html.indexOf('</tr>', html.indexOf('<tr data-entity="pacientes"')));
    expect(row).toContain(`<td>${confirmed.find((c) => c.entity === 'pacientes')!.rows}</td>`);
    expect(row).toContain('Conferem');
  });

  it('refuses unreadable or unrecognisable uploads with a pt-BR message and keeps nothing', async () => {
    const before = (await fileRows()).length;
    const xls = await upload(gestor, `/p/migration/solicitacoes/${requestId}/arquivos`, 'antigo.xls', 'x', {});
    expect(xls.status).toBe(303);
    expect(await (await t.request(`/p/migration/solicitacoes/${requestId}/arquivos`, { cookie: gestor })).text()).toContain('Planilhas .xls (Excel 97-2003) não são lidas');
    const noColumn = await t.request(`/p/migration/solicitacoes/${requestId}/arquivos`, {
      cookie: gestor,
      body: (() => {
        const f = new FormData();
        f.append('entidade', 'pacientes');
        f.append('arquivo', new File(['Foo;Bar\r\n1;2\r\n'], 'pacientes.csv'));
        return f;
      })(),
      headers: { 'HX-Request': 'true' },
    });
    expect(noColumn.status).toBe(422);
    expect(await noColumn.text()).toContain('Nenhuma coluna do cabeçalho corresponde a um campo de pacientes');
    expect((await fileRows()).length).toBe(before);
  });
});

