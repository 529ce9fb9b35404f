/**
 * When a request's deadline passes, whoever acts next (the migration team, or the clinic side: the base's
 * gestores and the singular's people in the request) is notified once. Each deadline is claimed by writing
 * it to `overdue_notified_due_at` in the same statement that finds it, so a run repeated (or run by two
 * instances) notifies nobody twice; a new deadline in the request (a new state, a rescheduled slot) is
 * notified again when it passes. The "prazo vencido" flag of the lists needs no job: it is computed.
 */
import { formatDateTime, type PluginContext } from '@painel/core/plugin';
import { and, isNotNull, lt, notInArray, sql } from 'drizzle-orm';
import { requests } from '../db/schema.ts';
import { FINAL_STATES, SIDES, stateLabel } from '../domain/states.ts';
import { requestPath } from '../ui/request-table.tsx';
import { sideIds } from './recipients.ts';

export async function notifyOverdue(ctx: PluginContext<unknown>): Promise<number> {
  const now = ctx.clock.now();
  return ctx.platformScoped('migração de dados: avisar quem age quando um prazo vence', async (tx) => {
    const overdue = await tx
      .update(requests)
      .set({ overdueNotifiedDueAt: sql`${requests.dueAt}` })
      .where(
        and(
          notInArray(requests.state, [...FINAL_STATES]),
          isNotNull(requests.dueAt),
          isNotNull(requests.dueSide),
          lt(requests.dueAt, now),
          sql`${requests.overdueNotifiedDueAt} is distinct from ${requests.dueAt}`,
        ),
      )
      .returning();
    for (const r of overdue) {
      const side = r.dueSide!;
      const userIds = await sideIds(tx, r, side);
      const state = stateLabel(r.state, r.validationRound);
      await ctx.notifications.notify(
        tx,
        userIds.map((userId) => ({
          userId,
          kind: 'migration.overdue',
          title: `Migração #${r.id}: prazo vencido`,
          body: `${r.clinicName} · ${state} · o prazo de ${SIDES[side].toLowerCase()} era ${formatDateTime(r.dueAt!)}`,
          link: requestPath(r.id),
          resellerId: r.resellerId,
          clinicId: r.clinicId,
        })),
      );
      await ctx.audit.append(
        {
          action: 'migration.deadline.overdue',
          resellerId: r.resellerId,
          clinicId: r.clinicId,
          target: `migração #${r.id}`,
          details: { state: r.state, dueAt: r.dueAt!.toISOString(), side, notified: userIds.length },
        },
        tx,
      );
    }
    return overdue.length;
  });
}
