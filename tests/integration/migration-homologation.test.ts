/**
 * The homologation screens of base 1001's demo validation version (issue 15): the isolation banner, the
 * patients' search by name and CPF with pages; the EHR screens (prontuários, documentos gerados,
 * imagens) open to the base's médico and refused — with core's explanatory page and an audit entry — to
 * the gestor, a support agent with an active grant, the singular's admin, the platform admin and the
 * migration team; support with a grant reads the personal screens, each visit in the base's access history.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

const BANNER = 'Ambiente de homologação — isolado da base em produção; alterações aqui não são mantidas';
const EHR_TITLE = 'Prontuário indisponível para este acesso';
const EHR_SCREENS = ['prontuarios', 'documentos-gerados', 'imagens'];
const PERSONAL_SCREENS = ['pacientes', 'agendamentos', 'convenios', 'procedimentos'];

describe.each(testDrivers())('homologation screens on %s', (driver) => {
  let t: MigrationTestApp;

  beforeAll(async () => {
    t = await startMigrationApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (path: string, cookie: string) => {
    const res = await t.request(`/p/migration/homologacao${path}`, { cookie });
    return { status: res.status, html: await res.text() };
  };
  const supportInside = async () => {
    const cookie = await t.session('suporte@demo.test');
    expect((await t.request('/suporte/bases/entrar', { cookie, form: { base: '1001' } })).status).toBe(303);
    return cookie;
  };

  it('opens the EHR screens to the base’s médico, with the banner and the migrated records', async () => {
    const medico = await t.session('medico@demo.test');
    for (const slug of EHR_SCREENS) {
      const { status, html } = await get(`/${slug}`, medico);
      expect(status, slug).toBe(200);
      expect(html).toContain(BANNER);
      expect(html).toContain('Versão de validação 1');
    }
    expect((await get('/prontuarios', medico)).html).toMatch(/PA 12x8|losartana|cefaleia|lombar|rotina/);
    expect((await get('/documentos-gerados', medico)).html).toMatch(/Atestado|Receita|Solicitação de exames/);
    expect((await get('/imagens', medico)).html).toContain('exames/raio-x-');
    const summary = await get('', medico);
    expect(summary.html).toContain('href="/p/migration/homologacao/prontuarios"');
    // The médico reaches the version's test report and its prontuário mirror test from the homologation (it has no request page).
    const report = /href="(\/p\/migration\/solicitacoes\/\d+\/versoes\/1\/relatorio)"/.exec(summary.html)?.[1];
    expect(report).toBeDefined();
    expect(summary.html).toContain(`href="${report}/prontuario"`);
    expect((await t.request(`${report}/prontuario`, { cookie: medico })).status).toBe(200);
    expect((await t.request(report!, { cookie: medico })).status).toBe(200);
    // The gestor gets the report link, not the prontuário one.
    const gestorSummary = await get('', await t.session('clinica@demo.test'));
    expect(gestorSummary.html).toContain(`href="${report}"`);
    expect(gestorSummary.html).not.toContain(`href="${report}/prontuario"`);
  });

  it('refuses the EHR screens, with the explanatory page and an audit entry, to everyone but the clinical roles', async () => {
    const actors: Record<string, string> = {
      gestor: await t.session('clinica@demo.test'),
      suporteComAcesso: await supportInside(),
      singular: await t.session('singular@demo.test'),
      plataforma: await t.session('plataforma@demo.test'),
      equipe: await t.session('migracao@demo.test'),
    };
    const emails: Record<string, string> = {
      gestor: 'clinica@demo.test',
      suporteComAcesso: 'suporte@demo.test',
      singular: 'singular@demo.test',
      plataforma: 'plataforma@demo.test',
      equipe: 'migracao@demo.test',
    };
    for (const [who, cookie] of Object.entries(actors)) {
      for (const slug of EHR_SCREENS) {
        const { status, html } = await get(`/${slug}`, cookie);
        expect(status, `${who} ${slug}`).toBe(403);
        expect(html, `${who} ${slug}`).toContain(EHR_TITLE);
        expect(html).not.toMatch(/PA 12x8|losartana|Atestado para os devidos fins|raio-x-/);
      }
      const denied = await platformRows<{ target: string }>(
        t,
        sql`select a.target from audit_log a where a.action = 'access.denied' and a.actor_email = ${emails[who]!} and a.details->>'reason' = 'ehr' and a.details->>'dataClass' = 'ehr' order by a.id`,
      );
      expect(denied.map((d) => d.target), who).toEqual(EHR_SCREENS.map((s) => `GET /p/migration/homologacao/${s}`));
    }
    // The gestor's summary does not link what it would refuse.
    expect((await get('', actors.gestor!)).html).not.toContain('href="/p/migration/homologacao/prontuarios"');
  });

  it('searches patients by name or CPF, page by page', async () => {
    const gestor = await t.session('clinica@demo.test');
    const [patient] = await platformRows<{ nome: string; cpf: string }>(
      t,
      sql`select data->>'nome' as nome, data->>'cpf' as cpf from migration.staged_rows where clinic_id = 1001 and entity = 'pacientes' and data ? 'cpf' order by source_line desc limit 1`,
    );
    const all = await get('/pacientes', gestor);
    expect(all.status).toBe(200);
    expect(all.html).toContain(BANNER);
    expect(all.html).toContain('120 linhas, 50 por página');
    expect(all.html).toContain('pagina=2');
    const byCpf = await get(`/pacientes?q=${patient!.cpf.slice(0, 3)}.${patient!.cpf.slice(3, 6)}.${patient!.cpf.slice(6, 9)}-${patient!.cpf.slice(9)}`, gestor);
    expect(byCpf.html).toContain(patient!.nome);
    expect(byCpf.html.match(/<tr>/g)?.length).toBe(2); // header + the one patient
    const lastName = patient!.nome.split(' ').at(-1)!;
    const byName = await get(`/pacientes?q=${encodeURIComponent(lastName.toLowerCase())}`, gestor);
    expect(byName.html).toContain(patient!.nome);
    const nobody = await get('/pacientes?q=zzzxyq', gestor);
    expect(nobody.html).toContain('Nenhum paciente encontrado para');
    const last = await get('/pacientes?pagina=3', gestor);
    expect(last.html).toContain(patient!.nome);
    expect(last.html).not.toContain('pagina=4');
  });

  it('lets support with an active grant read the personal screens, each visit in the base’s access history', async () => {
    const support = await supportInside();
    const [{ last }] = await platformRows<{ last: number }>(t, sql`select coalesce(max(id), 0)::int as last from support_access.access_log`) as [{ last: number }];
    for (const slug of PERSONAL_SCREENS) {
      const { status, html } = await get(`/${slug}`, support);
      expect(status, slug).toBe(200);
      expect(html).toContain(BANNER);
    }
    expect((await get('/prontuarios', support)).status).toBe(403);
    const log = await platformRows<{ screen: string; outcome: string; reason: string | null; data_class: string }>(
      t,
      sql`select screen, outcome, reason, data_class from support_access.access_log where clinic_id = 1001 and path like '/p/migration/homologacao%' and id > ${last} order by id`,
    );
    expect(log.map((r) => [r.screen, r.data_class, r.outcome, r.reason])).toEqual([
      ['Homologação: pacientes', 'personal', 'allowed', null],
      ['Homologação: agendamentos', 'personal', 'allowed', null],
      ['Homologação: convênios', 'personal', 'allowed', null],
      ['Homologação: procedimentos', 'personal', 'allowed', null],
      ['Homologação: prontuários', 'ehr', 'denied', 'ehr'],
    ]);
    // Without a grant the agent does not reach the screens at all.
    const outside = await t.session('suporte@demo.test');
    expect((await get('/pacientes', outside)).status).toBe(403);
  });
});
