/**
 * Retention of a closed migration request (issue 15 item 6, seed 002), with the app's fake clock: from
 * the closing on the page gives the deletion date; 3 days before it the clinic side is told; 14 days
 * after closing the daily job deletes the backup files and the thread's attachments (and any backup
 * password left), with one audit entry of what was deleted (counts and bytes). The request keeps its
 * metadata, timeline and messages; a second run deletes nothing more. A cancelled request follows the
 * same rule from its cancellation.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { tempDataDir } from '../support/uploads.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

const DAY = 86_400_000;
const dump = new TextEncoder().encode('-- PostgreSQL database dump\nCREATE TABLE public.pacientes (id integer);\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9]);
const convenios = new TextEncoder().encode('codigo;nome\r\n1;Unimed\r\n2;Particular\r\n');

describe.each(testDrivers())('retention of closed migration requests on %s', (driver) => {
  let t: MigrationTestApp;
  const data = tempDataDir();
  let closedId: number;
  let cancelledId: number;

  beforeAll(async () => {
    t = await startMigrationApp(driver, { dataDir: data.dir }); // Monday 02/03/2026 09:00 in Brasília
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  const files = () => t.host.get('migration')!.context.files;
  const fileRefs = async (id: number) =>
    platformRows<{ ref: string | null; deleted: boolean }>(
      t,
      sql`select file_ref as ref, deleted_at is not null as deleted from migration.backups where request_id = ${id} and kind = 'arquivo'
          union all select file_ref, deleted_at is not null from migration.attachments where request_id = ${id}`,
    );
  const uploadBackup = (cookie: string, id: number) => {
    const form = new FormData();
    form.append('arquivo', new File([dump as BlobPart], 'legado.sql'));
    return t.request(`/p/migration/solicitacoes/${id}/backups/arquivo`, { cookie, body: form });
  };
  const postWithAttachment = (cookie: string, id: number) => {
    const form = new FormData();
    form.append('mensagem', 'Print da tela de convênios.');
    form.append('anexos', new File([png as BlobPart], 'tela.png'));
    return t.request(`/p/migration/solicitacoes/${id}/mensagens`, { cookie, body: form });
  };
  const notices = (email: string, id: number) =>
    platformRows<{ title: string }>(
      t,
      sql`select n.title from notifications n join users u on u.id = n.user_id
          where u.email = ${email} and n.kind = 'migration.retention' and n.link = ${`/p/migration/solicitacoes/${id}`} order by n.id`,
    );
  const deletions = (id: number) =>
    platformRows<{ details: Record<string, unknown> }>(t, sql`select details from audit_log where action = 'migration.retention.deleted' and target = ${`migração #${id}`}`);

  it('closes one request and cancels another, each with a backup file and an attachment; the page gives the deletion date', async () => {
    const team = await t.session('migracao@demo.test');
    const vizinha = await t.session('vizinha@demo.test');
    const [executed] = await platformRows<{ id: number }>(t, sql`select id::int as id from migration.requests where state = 'versao_final_executada' limit 1`);
    closedId = executed!.id;
    expect((await uploadBackup(team, closedId)).status).toBe(303);
    expect((await postWithAttachment(vizinha, closedId)).status).toBe(303);
    // Closing needs the go-live checklist done (its own tests are in migration-go-live.test.ts).
    const goLive = { continuity: 'digital', continuityNote: '', rollback: 'Voltar ao sistema legado com o backup da véspera.', steps: [{ kind: 'manual', what: 'Conferir a agenda', owner: 'Clínica', when: 'Dia seguinte', done: true, doneBy: 'Equipe', doneAt: '2026-03-02T12:00:00.000Z' }] };
    await t.db.scoped({ kind: 'platform' }, (tx) => t.db.query(tx, sql`update migration.requests set go_live = ${JSON.stringify(goLive)}::jsonb where id = ${closedId}`));
    // Its validation version 1 keeps three rows in the homologation copy (and one refused row).
    await t.db.scoped({ kind: 'platform' }, async (tx) => {
      await t.db.query(
        tx,
        sql`insert into migration.versions (reseller_id, clinic_id, request_id, number, state, created_at, expires_at, by_name, counts)
            select reseller_id, clinic_id, id, 1, 'carregando', now(), now() + interval '15 days', 'Equipe', '{}'::jsonb from migration.requests where id = ${closedId}`,
      );
      await t.db.query(
        tx,
        sql`insert into migration.staged_rows (reseller_id, clinic_id, request_id, version_id, entity, source_line, source, data)
            select v.reseller_id, v.clinic_id, v.request_id, v.id, 'convenios', g, '{}'::jsonb, jsonb_build_object('nome', 'Convênio ' || g) from migration.versions v, generate_series(2, 4) g where v.request_id = ${closedId}`,
      );
      await t.db.query(
        tx,
        sql`insert into migration.version_rejects (reseller_id, clinic_id, request_id, version_id, entity, source_line, reason, source)
            select reseller_id, clinic_id, request_id, id, 'convenios', 5, 'Nome em branco', '{}'::jsonb from migration.versions where request_id = ${closedId}`,
      );
      await t.db.query(tx, sql`update migration.versions set state = 'aberta' where request_id = ${closedId}`);
    });
    expect((await t.request(`/p/migration/solicitacoes/${closedId}/acoes/encerrar`, { cookie: vizinha, form: {} })).status).toBe(303);

    const gestor = await t.session('clinica@demo.test');
    cancelledId = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm() }));
    expect((await uploadBackup(gestor, cancelledId)).status).toBe(303);
    expect((await postWithAttachment(gestor, cancelledId)).status).toBe(303);
    const legacy = new FormData();
    legacy.append('entidade', 'convenios');
    legacy.append('arquivo', new File([convenios as BlobPart], 'convenios.csv'));
    expect((await t.request(`/p/migration/solicitacoes/${cancelledId}/arquivos`, { cookie: gestor, body: legacy })).status).toBe(303);
    expect((await t.request(`/p/migration/solicitacoes/${cancelledId}/acoes/cancelar`, { cookie: gestor, form: { nota: 'A clínica desistiu da troca de sistema.' } })).status).toBe(303);

    for (const id of [closedId, cancelledId]) {
      const refs = await fileRefs(id);
      expect(refs).toHaveLength(2);
      for (const r of refs) expect(await files().stat(r.ref!)).not.toBeNull();
    }
    const page = await (await t.request(`/p/migration/solicitacoes/${closedId}`, { cookie: vizinha })).text();
    expect(page).toContain('serão excluídos em <strong>16/03/2026</strong>, 14 dias após o encerramento');
    const cancelled = await (await t.request(`/p/migration/solicitacoes/${cancelledId}`, { cookie: gestor })).text();
    expect(cancelled).toContain('serão excluídos em <strong>16/03/2026</strong>, 14 dias após o cancelamento');
  });

  it('tells the clinic side 3 days before, once, and deletes nothing yet', async () => {
    t.clock.advance(10 * DAY); // Thursday 12/03
    await t.host.scheduler.tickOnce();
    expect(await notices('vizinha@demo.test', closedId)).toEqual([]);
    t.clock.advance(1 * DAY); // Friday 13/03: 3 days before
    await t.host.scheduler.tickOnce();
    t.clock.advance(1 * DAY);
    await t.host.scheduler.tickOnce();
    expect(await notices('vizinha@demo.test', closedId)).toEqual([{ title: `Migração #${closedId}: arquivos serão excluídos em 16/03/2026` }]);
    expect(await notices('clinica@demo.test', cancelledId)).toEqual([{ title: `Migração #${cancelledId}: arquivos serão excluídos em 16/03/2026` }]);
    expect(await notices('migracao@demo.test', closedId)).toEqual([]);
    for (const r of await fileRefs(closedId)) expect(r.deleted).toBe(false);
    expect(await deletions(closedId)).toEqual([]);
  });

  it('14 days after closing deletes the files, audited with counts and bytes, and keeps the request, its timeline and its messages', async () => {
    const [before] = await platformRows<{ events: number; messages: number }>(
      t,
      sql`select (select count(*)::int from migration.events where request_id = ${closedId}) as events, (select count(*)::int from migration.messages where request_id = ${closedId}) as messages`,
    );
    const refs = await fileRefs(closedId);
    t.clock.set(new Date('2026-03-16T04:00:00-03:00'));
    await t.host.scheduler.tickOnce();

    for (const id of [closedId, cancelledId]) {
      for (const r of await fileRefs(id)) expect(r).toEqual({ ref: null, deleted: true });
      const [audit] = await deletions(id);
      expect(audit!.details.deleted).toContain('arquivos de backup: 1');
      expect(audit!.details.deleted).toContain('anexos das mensagens: 1');
    }
    const [closedAudit] = await deletions(closedId);
    expect(closedAudit!.details).toEqual(expect.objectContaining({ items: 6, bytes: dump.length + png.length, deleted: expect.stringContaining('arquivos da pré-validação: 0') }));
    expect(closedAudit!.details.deleted).toContain('dados de homologação das versões: 4');
    expect(closedAudit!.details.deleted).toContain('pacotes finais: 0');
    const left = await platformRows<{ staged: number; refused: number; state: string }>(
      t,
      sql`select (select count(*)::int from migration.staged_rows where request_id = ${closedId}) as staged, (select count(*)::int from migration.version_rejects where request_id = ${closedId}) as refused, (select state from migration.versions where request_id = ${closedId}) as state`,
    );
    expect(left).toEqual([{ staged: 0, refused: 0, state: 'expirada' }]); // the version and its counts stay for the reports
    // The cancelled request also had a legacy export uploaded for pre-validation: its file goes too (the row and report stay).
    const [cancelledAudit] = await deletions(cancelledId);
    expect(cancelledAudit!.details.deleted).toMatch(/arquivos da pré-validação: [12] /);
    expect(Number(cancelledAudit!.details.bytes)).toBeGreaterThanOrEqual(dump.length + png.length + convenios.length);
    for (const f of await platformRows<{ ref: string; errors_ref: string | null }>(t, sql`select file_ref as ref, errors_ref from migration.request_files where request_id = ${cancelledId}`)) {
      expect(await files().stat(f.ref)).toBeNull();
      expect(f.errors_ref).toBeNull();
    }
    for (const r of refs) expect(await files().stat(r.ref!)).toBeNull();
    const [after] = await platformRows<{ events: number; messages: number; state: string; legacy_system_name: string }>(
      t,
      sql`select (select count(*)::int from migration.events where request_id = ${closedId}) as events, (select count(*)::int from migration.messages where request_id = ${closedId}) as messages, state, legacy_system_name from migration.requests where id = ${closedId}`,
    );
    expect(after).toEqual({ ...before, state: 'encerrada', legacy_system_name: expect.any(String) });
    expect(await notices('vizinha@demo.test', closedId)).toHaveLength(2);
    expect((await notices('migracao@demo.test', closedId)).map((n) => n.title)).toEqual([`Migração #${closedId}: arquivos excluídos pela retenção`]);

    const vizinha = await t.session('vizinha@demo.test');
    const page = await (await t.request(`/p/migration/solicitacoes/${closedId}`, { cookie: vizinha })).text();
    expect(page).toContain('foram excluídos em 16/03/2026');
    expect(page).toContain('excluído pela retenção');
    const [attachment] = await platformRows<{ id: number }>(t, sql`select id::int as id from migration.attachments where request_id = ${closedId}`);
    const gone = await t.request(`/p/migration/solicitacoes/${closedId}/anexos/${attachment!.id}`, { cookie: vizinha });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('excluído pela política de retenção');
    const [backup] = await platformRows<{ id: number }>(t, sql`select id::int as id from migration.backups where request_id = ${closedId} and kind = 'arquivo'`);
    const team = await t.session('migracao@demo.test');
    expect((await t.request(`/p/migration/solicitacoes/${closedId}/backups/${backup!.id}/arquivo`, { cookie: team })).status).toBe(404);
    expect(await platformRows(t, sql`select 1 from audit_log where action = 'migration.backup.downloaded' and target = ${`migração #${closedId}`}`)).toEqual([]);
  });

  it('takes no new files on a closed request (nothing retention would miss), only text', async () => {
    const vizinha = await t.session('vizinha@demo.test');
    const before = (await files().list()).length;
    const refused = await postWithAttachment(vizinha, closedId);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('A migração terminou: envie a mensagem sem anexos.');
    expect((await files().list()).length).toBe(before);
    expect((await t.request(`/p/migration/solicitacoes/${closedId}/mensagens`, { cookie: vizinha, form: { mensagem: 'Conferimos tudo, obrigado.' } })).status).toBe(303);
  });

  it('runs again without deleting or auditing anything twice', async () => {
    t.clock.advance(2 * DAY);
    await t.host.scheduler.tickOnce();
    expect(await deletions(closedId)).toHaveLength(1);
    expect(await deletions(cancelledId)).toHaveLength(1);
  });
});
