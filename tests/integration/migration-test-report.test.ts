/**
 * The test report of validation versions (issue 15, item 4) on the demo's open request of base 1001:
 * counts per entity that agree, the mirror test side by side, verdicts by the clinic (EHR samples only by
 * its médico), a divergence sending the request to "ajustes", version 2 with its count differences, and
 * "Aprovo esta versão" by the gestor, refused until every sample is marked "confere", then audited.
 */
import { verifyPackage } from '@painel/migration';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

const samplesIn = (html: string) => [...html.matchAll(/data-testid="mirror-sample" data-entity="([a-z_]+)" data-line="(\d+)"/g)].map((m) => ({ entity: m[1]!, line: m[2]! }));

describe.each(testDrivers())('the test report of a validation version on %s', (driver) => {
  let t: MigrationTestApp;
  let gestor: string;
  let medico: string;
  let team: string;
  let admin: string;
  let id: number;
  const report = (n: number, ehr = false) => `/p/migration/solicitacoes/${id}/versoes/${n}/relatorio${ehr ? '/prontuario' : ''}`;
  const state = async () => (await platformRows<{ state: string; approved_version_id: number | null }>(t, sql`select state, approved_version_id from migration.requests where id = ${id}`))[0]!;

  beforeAll(async () => {
    t = await startMigrationApp(driver);
    [gestor, medico, team, admin] = [await t.session('clinica@demo.test'), await t.session('medico@demo.test'), await t.session('migracao@demo.test'), await t.session('singular@demo.test')];
    const [r] = await platformRows<{ id: number }>(t, sql`select id::int from migration.requests where clinic_id = 1001 and state = 'versao_validacao'`);
    id = r!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows counts that agree and personal samples side by side, with the homologation banner', async () => {
    const res = await t.request(report(1), { cookie: gestor });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ambiente de homologação — isolado da base em produção');
    const counts = html.slice(html.indexOf('data-testid="report-counts"'), html.indexOf('</table>', html.indexOf('data-testid="report-counts"')));
    expect(counts).toContain('Pacientes');
    expect(counts).not.toContain('Não conferem');
    const samples = samplesIn(html);
    expect(samples.length).toBeGreaterThan(3);
    expect(samples.every((s) => !['prontuarios', 'documentos_gerados', 'imagens_documentos'].includes(s.entity))).toBe(true);
    expect(html).toContain('Valor na origem');
    expect(html).toContain('Aleatória');
    expect(html).toContain('amostra(s) de prontuários, documentos e imagens são revisadas pelos perfis clínicos');
    // The singular's admin and the team read the report too; the gestor alone sees "Aprovo esta versão".
    expect((await t.request(report(1), { cookie: admin })).status).toBe(200);
    expect(await (await t.request(report(1), { cookie: team })).text()).not.toContain('Aprovo esta versão');
    expect(html).toContain('Aprovo esta versão');
  });

  it('keeps the EHR samples to the base médico: refused to the gestor, the singular admin and the migration team', async () => {
    const ok = await t.request(report(1, true), { cookie: medico });
    expect(ok.status).toBe(200);
    const samples = samplesIn(await ok.text());
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.every((s) => ['prontuarios', 'documentos_gerados', 'imagens_documentos'].includes(s.entity))).toBe(true);
    for (const cookie of [gestor, admin, team]) expect((await t.request(report(1, true), { cookie })).status).toBe(403);
    const refused = await platformRows<{ n: number }>(t, sql`select count(*)::int as n from audit_log where outcome = 'denied' and target like ${`%/versoes/1/relatorio/prontuario%`}`);
    expect(refused[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('a divergence needs a comment, is recorded and sends the request to "ajustes"', async () => {
    const [first] = samplesIn(await (await t.request(report(1), { cookie: gestor })).text());
    const bad = await t.request(`${report(1)}/amostras`, { cookie: gestor, form: { entidade: first!.entity, linha: first!.line, veredito: 'diverge', comentario: '' } });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Diga no comentário o que diverge');
    expect((await state()).state).toBe('versao_validacao');
    // An EHR entity through the personal form is not a sample of it.
    expect((await t.request(`${report(1)}/amostras`, { cookie: gestor, form: { entidade: 'prontuarios', linha: '2', veredito: 'confere' } })).status).toBe(422);
    const ok = await t.request(`${report(1)}/amostras`, { cookie: gestor, form: { entidade: first!.entity, linha: first!.line, veredito: 'diverge', comentario: 'Nome sem acento' } });
    expect(ok.status).toBe(303);
    expect((await state()).state).toBe('ajustes');
    const html = await (await t.request(report(1), { cookie: gestor })).text();
    expect(html).toContain('Diverge</span> por');
    expect(html).toContain('"Nome sem acento"');
    const audit = await platformRows<{ action: string; details: Record<string, unknown> }>(t, sql`select action, details from audit_log where target = ${`migração #${id}`} and action in ('migration.mirror.reviewed', 'migration.request.action') order by id`);
    expect(audit.slice(-2).map((a) => [a.action, a.details.verdict ?? a.details.step])).toEqual([
      ['migration.mirror.reviewed', 'diverge'],
      ['migration.request.action', 'pedir_ajustes'],
    ]);
  });

  it('version 2 shows the difference of counts against version 1, and approval waits for every sample', async () => {
    // Version 2: the team publishes; its rows are version 1's minus three patients (the same loader's table, copied).
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/publicar_validacao`, { cookie: team, form: {} })).status).toBe(303);
    // Publishing created version 2 ('carregando') and its load job. The rows go in while it loads; the job, with
    // no confirmed file in this request, adds none and opens it; then the counts are set as a load would.
    expect(await platformRows(t, sql`select state from migration.versions where request_id = ${id} and number = 2`)).toEqual([{ state: 'carregando' }]);
    await t.db.scoped({ kind: 'platform' }, async (tx) => {
      await t.db.query(
        tx,
        sql`insert into migration.staged_rows (reseller_id, clinic_id, request_id, version_id, entity, source_line, source, data)
            select s.reseller_id, s.clinic_id, s.request_id, v2.id, s.entity, s.source_line, s.source, s.data from migration.staged_rows s
              join migration.versions v1 on v1.id = s.version_id and v1.number = 1 and v1.request_id = ${id}
              join migration.versions v2 on v2.request_id = ${id} and v2.number = 2
             where not (s.entity = 'pacientes' and s.source_line in (2, 3, 4))`,
      );
    });
    await t.host.scheduler.tickOnce();
    expect(await platformRows(t, sql`select state from migration.versions where request_id = ${id} and number = 2`)).toEqual([{ state: 'aberta' }]);
    await t.db.scoped({ kind: 'platform' }, async (tx) => {
      await t.db.query(
        tx,
        sql`update migration.versions v2 set counts = jsonb_set(v1.counts, '{pacientes}', jsonb_build_object('valid', (v1.counts->'pacientes'->>'valid')::int - 3, 'staged', (v1.counts->'pacientes'->>'staged')::int - 3, 'rejected', 0))
              from migration.versions v1 where v1.request_id = ${id} and v1.number = 1 and v2.request_id = ${id} and v2.number = 2`,
      );
    });
    const html = await (await t.request(report(2), { cookie: gestor })).text();
    expect(html).toContain('Diferença para a versão 1');
    expect(html).toMatch(/válidas −3 · na homologação −3 · recusadas [0−+]/);
    const early = await t.request(`${report(2)}/aprovar`, { cookie: gestor, form: {} });
    expect(early.status).toBe(422);
    expect(await early.text()).toMatch(/Faltam \d+ de \d+ amostras do teste espelho para marcar/);
    expect((await state()).state).toBe('versao_validacao');
    // Only the gestor approves; the generic action is closed.
    expect((await t.request(`${report(2)}/aprovar`, { cookie: admin, form: {} })).status).toBe(403);
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/aprovar`, { cookie: admin, form: {} })).status).toBe(422);
  });

  it('"Aprovo esta versão" once every sample is "confere": state aprovada, the version recorded, audited', async () => {
    for (const s of samplesIn(await (await t.request(report(2), { cookie: gestor })).text())) {
      expect((await t.request(`${report(2)}/amostras`, { cookie: gestor, form: { entidade: s.entity, linha: s.line, veredito: 'confere' } })).status).toBe(303);
    }
    expect((await t.request(`${report(2)}/aprovar`, { cookie: gestor, form: {} })).status).toBe(422); // EHR samples still unmarked
    for (const s of samplesIn(await (await t.request(report(2, true), { cookie: medico })).text())) {
      expect((await t.request(`${report(2, true)}/amostras`, { cookie: medico, form: { entidade: s.entity, linha: s.line, veredito: 'confere', comentario: 'ok' } })).status).toBe(303);
    }
    // The gestor cannot mark EHR samples (core's data-class gate).
    expect((await t.request(`${report(2, true)}/amostras`, { cookie: gestor, form: { entidade: 'prontuarios', linha: '2', veredito: 'confere' } })).status).toBe(403);
    const res = await t.request(`${report(2)}/aprovar`, { cookie: gestor, form: {} });
    expect(res.status).toBe(303);
    const after = await state();
    expect(after.state).toBe('aprovada');
    const [v2] = await platformRows<{ id: number }>(t, sql`select id::int from migration.versions where request_id = ${id} and number = 2`);
    expect(Number(after.approved_version_id)).toBe(v2!.id);
    const audit = await platformRows<{ actor_email: string; details: Record<string, unknown> }>(t, sql`select actor_email, details from audit_log where action = 'migration.version.approved' and target = ${`migração #${id}`}`);
    expect(audit).toEqual([{ actor_email: 'clinica@demo.test', details: expect.objectContaining({ version: 2, toState: 'aprovada' }) }]);
    expect(await (await t.request(report(2), { cookie: gestor })).text()).toContain('data-testid="approved"');
  }, 180_000);

  it('the final package: built by the team in a job from the approved version, downloaded as a zip whose checksums verify, every download audited', async () => {
    expect((await t.request(`/p/migration/solicitacoes/${id}/pacote`, { cookie: gestor, form: {} })).status).toBe(403); // the team builds it
    expect((await t.request(`/p/migration/solicitacoes/${id}/pacote`, { cookie: team, form: {} })).status).toBe(303);
    for (let i = 0; i < 5; i++) await t.host.scheduler.tickOnce();
    const [p] = await platformRows<{ id: number; state: string; error: string | null }>(t, sql`select id::int, state, error from migration.packages where request_id = ${id}`);
    expect(p).toMatchObject({ state: 'pronto', error: null });
    const zipPath = `/p/migration/solicitacoes/${id}/pacotes/${p!.id}/pacote.zip`;
    // The package holds prontuários: the gestor and the singular admin do not download it.
    expect((await t.request(zipPath, { cookie: gestor })).status).toBe(403);
    expect((await t.request(zipPath, { cookie: admin })).status).toBe(403);
    for (const cookie of [team, medico]) {
      const res = await t.request(zipPath, { cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      const out = await verifyPackage(Buffer.from(await res.arrayBuffer()));
      expect(out.problems).toEqual([]);
      const staged = await platformRows<{ entity: string; n: number }>(
        t,
        sql`select entity, count(*)::int as n from migration.staged_rows s join migration.versions v on v.id = s.version_id where v.request_id = ${id} and v.number = 2 group by entity order by entity`,
      );
      expect(out.manifest!.files.map((f) => [f.entity, f.rows]).sort()).toEqual(staged.map((s) => [s.entity, s.n]).sort());
      const pacientes = out.files.get('pacientes.csv')!.toString('utf8');
      expect(pacientes.startsWith('codigo,nome,data_nascimento,')).toBe(true);
      expect(pacientes.split('\r\n').length).toBeGreaterThan(2);
    }
    const downloads = await platformRows<{ actor_email: string; clinic_id: number }>(t, sql`select actor_email, clinic_id::int from audit_log where action = 'migration.package.downloaded' order by id`);
    expect(downloads).toEqual([
      { actor_email: 'migracao@demo.test', clinic_id: 1001 },
      { actor_email: 'medico@demo.test', clinic_id: 1001 },
    ]);
    // The team's download is in the base's access history (the gestor reads it); the médico's, of its own base, is not.
    const history = await platformRows<{ agent_email: string; screen: string; data_class: string }>(
      t,
      sql`select agent_email, screen, data_class from support_access.access_log where clinic_id = 1001 and screen like 'Download do pacote final%'`,
    );
    expect(history).toEqual([{ agent_email: 'migracao@demo.test', screen: `Download do pacote final da migração #${id} (versão 2)`, data_class: 'ehr' }]);
  }, 180_000);
});
