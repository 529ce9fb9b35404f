/**
 * The hourly job that tells whoever acts next that a deadline passed: once per deadline, whatever how
 * often it runs; the team for its deadlines, the clinic side (the base's gestor, the singular's admin who
 * took part) for theirs; a new deadline is notified again when it passes. With the app's fake clock.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

describe.each(testDrivers())('deadline-passed notices of migration requests on %s', (driver) => {
  let t: MigrationTestApp;
  let id: number;

  beforeAll(async () => {
    t = await startMigrationApp(driver); // Monday 02/03/2026 09:00 in Brasília
  });
  afterAll(async () => {
    await t.close();
  });

  const at = (local: string) => t.clock.set(new Date(`${local}-03:00`));
  const notices = (email: string) =>
    platformRows<{ title: string; body: string }>(
      t,
      sql`select n.title, n.body from notifications n join users u on u.id = n.user_id
          where u.email = ${email} and n.kind = 'migration.overdue' and n.link = ${`/p/migration/solicitacoes/${id}`} order by n.id`,
    );

  it('notifies the team once when its deadline passes, however many runs follow', async () => {
    await at('2026-03-02T10:00:00');
    const admin = await t.session('singular@demo.test');
    id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: admin, form: validForm({ base: '1001' }) })); // team answers by Tue 03/03 23:59
    await at('2026-03-03T23:30:00');
    await t.host.scheduler.tickOnce();
    expect(await notices('migracao@demo.test')).toEqual([]);

    await at('2026-03-04T00:30:00');
    await t.host.scheduler.tickOnce();
    await at('2026-03-04T02:00:00');
    await t.host.scheduler.tickOnce();
    expect(await notices('migracao@demo.test')).toEqual([
      { title: `Migração #${id}: prazo vencido`, body: expect.stringMatching(/^Clínica Demo Centro · Solicitada · o prazo de equipe de migração era 03\/03\/2026 23:59/) },
    ]);
    expect(await notices('clinica@demo.test')).toEqual([]);
    const audits = await platformRows<{ details: Record<string, unknown> }>(t, sql`select details from audit_log where action = 'migration.deadline.overdue' and target = ${`migração #${id}`}`);
    expect(audits).toEqual([{ details: expect.objectContaining({ state: 'solicitada', side: 'equipe', notified: 1 }) }]);
  });

  it('notifies the clinic side (the base\'s gestor and the singular\'s admin who opened it) when the next deadline is theirs', async () => {
    const team = await t.session('migracao@demo.test');
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/agendar_extracao`, { cookie: team, form: { data: '05/03/2026', hora: '08:00' } })).status).toBe(303);
    await at('2026-03-05T09:00:00'); // the extraction slot passed without a backup
    await t.host.scheduler.tickOnce();
    await t.host.scheduler.tickOnce();
    for (const email of ['clinica@demo.test', 'singular@demo.test']) {
      expect(await notices(email), email).toEqual([{ title: `Migração #${id}: prazo vencido`, body: expect.stringContaining('Extração agendada · o prazo de clínica e singular era 05/03/2026 08:00') }]);
    }
    expect(await notices('migracao@demo.test')).toHaveLength(1); // still only its own deadline
    expect(await notices('vizinha@demo.test')).toEqual([]);
  });
});
