/**
 * The data the authorization matrix's rows refer to, prepared once per driver on a fresh copy of the
 * demo database, and a signed-in session per actor (core's session store, no login request).
 */
import { type Database, schema, sessionIdFromToken } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import type { TestApp } from '../../support/test-app.ts';
import { createClinicUser } from '../tenants-users-helpers.ts';
import { type ActorName, actors, type Fixture } from './actors.ts';

export const logins: Record<Exclude<ActorName, 'anon'>, string> = {
  platform: 'plataforma@demo.test',
  team: 'migracao@demo.test',
  support: 'suporte@demo.test',
  supportIn: 'suporte@demo.test',
  supportB: 'suporte@demo.test',
  resellerA: 'singular@demo.test',
  resellerB: 'vizinha@demo.test',
  gestorA: 'clinica@demo.test',
  gestorB: 'gestor.b@matriz.test',
  medico: 'medico@demo.test',
  staffA: 'sec.a@matriz.test',
};

/** The base each actor's session works in (clinic users' own base; the support agent's through the session, as entering does). */
const activeBase: Partial<Record<ActorName, number>> = { supportIn: 1001, supportB: 1002, medico: 1001, gestorB: 1002, gestorA: 1001, staffA: 1001 };

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => db.query<T>(tx, query));
  if (!row) throw new Error(`matrix fixture: nothing for ${JSON.stringify(query)}`);
  return row;
}

/** A signed-in session of `actor` (undefined for anonymous), fresh for each request so no route changes another's session. */
export async function sessionOf(t: TestApp, actor: ActorName): Promise<string | undefined> {
  if (actor === 'anon') return undefined;
  const cookie = await t.session(logins[actor]);
  const clinicId = activeBase[actor];
  if (clinicId !== undefined) {
    const { reseller_id: resellerId } = await one<{ reseller_id: number }>(t.db, sql`select reseller_id::int from clinics where id = ${clinicId}`);
    await t.services.sessions.update(sessionIdFromToken(cookie.split('=')[1]!), { activeResellerId: resellerId, activeClinicId: clinicId });
  }
  return cookie;
}

/** Users, an invitation, a job, an access request and the ids of the plugins' demo objects; per actor where a route changes them. */
/** Two checked files of a migration request (pacientes, prontuários), each with a stored error CSV. */
async function migrationFiles(t: TestApp, requestId: number): Promise<{ fileId: number; ehrFileId: number }> {
  const db = t.db;
  const store = t.services.uploads.store('migration');
  const insert = async (entity: string, header: string[]) => {
    const source = await store.put([new TextEncoder().encode(`${header.join(';')}\r\n`)]);
    const errors = await store.put([new TextEncoder().encode('\ufeffLinha;Motivos\r\n2;Nome: campo obrigatório em branco\r\n')]);
    const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ id: number }>(
        tx,
        sql`insert into migration.request_files (reseller_id, request_id, clinic_id, entity, file_ref, format, original_name, size_bytes, sha256, header, mapping, status, rows, valid_rows, errors_ref, uploaded_by_name, uploaded_at)
            values ((select reseller_id from migration.requests where id = ${requestId}), ${requestId}, 1001, ${entity}, ${source.id}, 'csv', ${`${entity}.csv`}, ${source.size}, ${source.sha256}, ${JSON.stringify(header)}::jsonb,
                    ${JSON.stringify([{ column: header[0], index: 0, field: 'nome', confidence: 0.9 }])}::jsonb, 'verificado', 2, 1, ${errors.id}, 'Matriz', now())
            returning id::int as id`,
      ),
    );
    return row!.id;
  };
  return { fileId: await insert('pacientes', ['Nome', 'CPF']), ehrFileId: await insert('prontuarios', ['Data', 'Paciente']) };
}

export async function prepareFixtures(t: TestApp): Promise<Record<ActorName, Fixture>> {
  const db = t.db;
  await createClinicUser(db, logins.staffA, 'Sônia Secretária A', [{ clinicId: 1001, role: 'secretaria' }]);
  await createClinicUser(db, logins.gestorB, 'Gustavo Gestor B', [{ clinicId: 1002, role: 'gestor' }]);
  const admin = await t.session('singular@demo.test');
  const invite = async (email: string) => {
    const res = await t.request('/usuarios/convidar', { cookie: admin, form: { nome: 'Pessoa Convidada', email, base: '1001', perfil: 'medico' } });
    return /\/convite\/([A-Za-z0-9_-]+)/.exec(await res.text())?.[1];
  };
  const token = await invite('convidado.link@matriz.test');
  if (!token) throw new Error('matrix fixture: no invitation token');
  // A pending access request of base A (written directly: the demo grant on A makes the form refuse to ask).
  await db.scoped({ kind: 'platform' }, (tx) =>
    db.query(
      tx,
      sql`insert into support_access.access_requests (reseller_id, clinic_id, agent_user_id, agent_name, agent_email, reason, created_at)
          select c.reseller_id, c.id, u.id, u.name, u.email, 'Chamado de teste da matriz', ${t.clock.now().toISOString()}::timestamptz
          from clinics c, users u where c.id = 1001 and u.email = 'suporte@demo.test'`,
    ),
  );
  // A booking request of base A by its gestor ("Agendar um horário" unlocks late in the onboarding: written directly).
  await db.scoped({ kind: 'platform' }, (tx) =>
    db.query(
      tx,
      sql`insert into content.booking_requests (reseller_id, clinic_id, user_id, preferred_slots, status, created_at, updated_at)
          select c.reseller_id, c.id, u.id, '["2026-03-10T12:00:00.000Z", "2026-03-11T12:00:00.000Z"]'::jsonb, 'novo', ${t.clock.now().toISOString()}::timestamptz, ${t.clock.now().toISOString()}::timestamptz
          from clinics c, users u where c.id = 1001 and u.email = 'clinica@demo.test'`,
    ),
  );
  const shared = {
    token,
    trackId: (await one<{ id: number }>(db, sql`select id::int from content.tracks where name = 'Processos da Singular Demo'`)).id,
    booking: await one<{ resellerId: number; id: number }>(db, sql`select reseller_id::int as "resellerId", id::int from content.booking_requests where clinic_id = 1001 limit 1`),
    accessRequestId: (await one<{ id: number }>(db, sql`select id::int from support_access.access_requests where clinic_id = 1001 order by id desc limit 1`)).id,
    ticketId: (
      await one<{ id: number }>(db, sql`select t.id::int from support.tickets t join support.attachments a on a.ticket_id = t.id where t.clinic_id = 1001 and t.queue = 'vendor' limit 1`)
    ).id,
    requestId: (await one<{ id: number }>(db, sql`select id::int from migration.requests where clinic_id = 1001 and state not in ('encerrada', 'cancelada') limit 1`)).id,
    systemId: (await one<{ id: number }>(db, sql`select id::int from migration.legacy_systems limit 1`)).id,
    migrationAttachmentId: (
      await one<{ id: number }>(db, sql`select a.id::int from migration.attachments a join migration.requests r on r.id = a.request_id where r.clinic_id = 1001 and r.state not in ('encerrada', 'cancelada') limit 1`)
    ).id,
    migrationBackupId: (
      await one<{ id: number }>(db, sql`select b.id::int from migration.backups b join migration.requests r on r.id = b.request_id where r.clinic_id = 1001 and r.state not in ('encerrada', 'cancelada') and b.kind = 'arquivo' limit 1`)
    ).id,
    grantId: (await one<{ id: number }>(db, sql`select id::int from support_access.grants where clinic_id = 1001 and ended_at is null`)).id,
    resellerA: (await one<{ id: number }>(db, sql`select reseller_id::int as id from clinics where id = 1001`)).id,
  };
  const { fileId: migrationFileId, ehrFileId: migrationEhrFileId } = await migrationFiles(t, shared.requestId);
  const attachmentId = (await one<{ id: number }>(db, sql`select id::int from support.attachments where ticket_id = ${shared.ticketId} limit 1`)).id;
  const cardId = (await one<{ id: number }>(db, sql`select id::int from support.cards where reseller_id = ${shared.resellerA} limit 1`)).id;
  const gestor = (await one<{ id: number }>(db, sql`select id::int from users where email = 'clinica@demo.test'`)).id;
  t.services.jobs.for('matriz').define('espera', async () => {});

  const fixtures = {} as Record<ActorName, Fixture>;
  for (const actor of actors) {
    const target = {} as Fixture['target'];
    for (const name of ['view', 'add', 'role', 'remove', 'off', 'on'] as const) {
      target[name] = await createClinicUser(db, `alvo.${name}.${actor.toLowerCase()}@matriz.test`, `Alvo ${name} ${actor}`, [{ clinicId: 1001, role: 'secretaria' }]);
    }
    await db.scoped({ kind: 'platform' }, (tx) => tx.update(schema.users).set({ status: 'inactive' }).where(eq(schema.users.id, target.on)));
    const reissue = `convidado.reenvio.${actor.toLowerCase()}@matriz.test`;
    await invite(reissue);
    target.reissue = (await one<{ id: number }>(db, sql`select id::int from users where email = ${reissue}`)).id;
    const jobId = await t.services.jobs.for('matriz').enqueue('espera', {}, { resellerId: shared.resellerA, clinicId: 1001, userId: gestor });
    const gestorSessionHandle = sessionIdFromToken((await t.session('clinica@demo.test')).split('=')[1]!).slice(0, 16);
    fixtures[actor] = { ...shared, target, attachmentId, cardId, migrationFileId, migrationEhrFileId, jobId, gestorSessionHandle };
  }
  return fixtures;
}
