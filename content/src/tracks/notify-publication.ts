import { type Database, type Db, schema as core } from '@painel/core/module';
import { type SQL, sql } from 'drizzle-orm';
import type { ParsedTrack } from '../validation/index.ts';
import type { PublishTargets } from './publication-store.ts';
import type { TrackRef } from './track-ref.ts';

/** The in-app notification text for a publication, or null when no conquista asks to notify. */
export function publicationNotice(trackName: string, track: ParsedTrack): { title: string; body: string } | null {
  const notify = track.achievements.filter((a) => a.notify).map((a) => `“${a.description}”`);
  if (notify.length === 0) return null;
  const list = notify.length === 1 ? notify[0] : `${notify.slice(0, -1).join(', ')} e ${notify.at(-1)}`;
  return {
    title: 'Novos conteúdos no seu painel de evolução',
    body: `${trackName}: ${list}. Assista aos vídeos na tela inicial.`,
  };
}

/**
 * Notifies, once per user, every active clinic user with an active membership in the covered bases
 * (INSERT … SELECT, so publishing to thousands of bases stays one statement). Returns how many.
 */
export async function notifyCoveredUsers(
  db: Database,
  tx: Db,
  ref: TrackRef,
  targets: PublishTargets,
  notice: { title: string; body: string },
  at: Date,
): Promise<number> {
  if (targets.kind === 'chosen' && targets.clinicIds.length === 0) return 0;
  const m = core.memberships;
  const conditions: SQL[] = [sql`u.kind = 'clinic_user'`, sql`u.status = 'active'`, sql`c.status = 'active'`];
  if (ref.owner === 'reseller') conditions.push(sql`m.reseller_id = ${ref.resellerId}`);
  if (targets.kind === 'chosen') {
    conditions.push(sql`m.clinic_id in (${sql.join(targets.clinicIds.map((id) => sql`${id}`), sql`, `)})`);
  }
  const rows = await db.query<{ n: number }>(
    tx,
    sql`with inserted as (
      insert into ${core.notifications} (user_id, reseller_id, clinic_id, kind, title, body, link, created_at)
      select distinct on (m.user_id) m.user_id, m.reseller_id, m.clinic_id, 'content.published', ${notice.title}, ${notice.body}, '/', ${at.toISOString()}::timestamptz
      from ${m} m
      join ${core.users} u on u.id = m.user_id
      join ${core.clinics} c on c.reseller_id = m.reseller_id and c.id = m.clinic_id
      where ${sql.join(conditions, sql` and `)}
      order by m.user_id, m.reseller_id, m.clinic_id
      returning 1
    ) select count(*)::int as n from inserted`,
  );
  return Number(rows[0]?.n ?? 0);
}
