/** Notifications (the bell) on every change of a request: its participants, and the team for a new one. */
import type { Db, PluginContext } from '@painel/core/plugin';
import { sql } from 'drizzle-orm';
import { participantsOf, type RequestRow } from './store/request-store.ts';
import { requestPath } from './ui/request-table.tsx';

/** The active migration team (ids only, through migration.team_user_ids(): the clinic side cannot read those users). */
async function teamUserIds(tx: Db): Promise<number[]> {
  const rows = (await tx.execute(sql`select id from migration.team_user_ids() as id`)) as unknown as { rows?: Array<{ id: string | number }> } | Array<{ id: string | number }>;
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return list.map((r) => Number(r.id));
}

export async function notifyTeam(ctx: PluginContext<unknown>, tx: Db, r: RequestRow, title: string, body: string): Promise<void> {
  const ids = await teamUserIds(tx);
  await ctx.notifications.notify(tx, ids.map((userId) => ({ userId, kind: 'migration.request', title, body, link: requestPath(r.id), resellerId: r.resellerId, clinicId: r.clinicId })));
}

/** Everyone who took part in the request except the one acting. */
export async function notifyParticipants(ctx: PluginContext<unknown>, tx: Db, r: RequestRow, actorId: number, title: string, body: string): Promise<void> {
  const ids = (await participantsOf(tx, r)).filter((id) => id !== actorId);
  await ctx.notifications.notify(tx, ids.map((userId) => ({ userId, kind: 'migration.request', title, body, link: requestPath(r.id), resellerId: r.resellerId, clinicId: r.clinicId })));
}
