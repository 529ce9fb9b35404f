/**
 * The daily retention run (see retention/policy.ts): for each closed request, 3 days before its
 * retention day the clinic side is told the date (once), and on that day every target of
 * retention/targets.ts deletes the request's files and working data, with one audit entry giving what
 * was deleted (counts and bytes). Closed requests are found in one audited platform-scope read; each
 * request is then handled in its own base's scope and transaction, so one failure holds back no other
 * (the run fails afterwards and is retried; the targets are idempotent).
 */
import { formatBytes, formatCalendarDate, parseCalendarDate, type PluginContext, plural } from '@painel/core/plugin';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { requests } from '../db/schema.ts';
import { FINAL_STATES } from '../domain/states.ts';
import { NOTICE_DAYS_BEFORE, retentionDay, retentionStep } from '../retention/policy.ts';
import { retentionTargets } from '../retention/targets.ts';
import { findRequest, type RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { clinicSideIds, teamIds } from './recipients.ts';

const dayText = (iso: string) => formatCalendarDate(parseCalendarDate(iso)!);

export interface RetentionRunResult {
  noticed: number[];
  deleted: number[];
}

export async function runRetention(ctx: PluginContext<unknown>): Promise<RetentionRunResult> {
  const now = ctx.clock.now();
  const closed = await ctx.platformScoped('migração de dados: retenção dos arquivos de migrações encerradas', (tx) =>
    tx
      .select({ resellerId: requests.resellerId, clinicId: requests.clinicId, id: requests.id, closedAt: requests.closedAt, retentionNoticeAt: requests.retentionNoticeAt, retentionDoneAt: requests.retentionDoneAt })
      .from(requests)
      .where(and(inArray(requests.state, [...FINAL_STATES]), isNotNull(requests.closedAt), isNull(requests.retentionDoneAt))),
  );
  const result: RetentionRunResult = { noticed: [], deleted: [] };
  const failures: unknown[] = [];
  for (const key of closed) {
    const step = retentionStep(key, now);
    if (!step) continue;
    try {
      await ctx.scoped({ kind: 'clinic', resellerId: key.resellerId, clinicId: key.clinicId }, async (tx) => {
        const r = await findRequest(tx, key.id);
        if (!r || retentionStep(r, now) !== step) return; // another run got here first
        if (step === 'notice') await notice(ctx, tx, r, now);
        else await deleteFiles(ctx, tx, r, now);
      });
      result[step === 'notice' ? 'noticed' : 'deleted'].push(key.id);
    } catch (error) {
      ctx.log.error({ err: error, request: key.id }, 'migration retention failed for a request');
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new Error(`retenção: ${plural(failures.length, { one: 'migração falhou', other: 'migrações falharam' })}; nova tentativa na próxima execução`);
  return result;
}

type Tx = Parameters<Parameters<PluginContext<unknown>['scoped']>[1]>[0];

async function notice(ctx: PluginContext<unknown>, tx: Tx, r: RequestRow, now: Date): Promise<void> {
  const day = retentionDay(r.closedAt!);
  const userIds = await clinicSideIds(tx, r);
  await ctx.notifications.notify(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: 'migration.retention',
      title: `Migração #${r.id}: arquivos serão excluídos em ${dayText(day)}`,
      body: `${r.clinicName} · em ${NOTICE_DAYS_BEFORE} dias os backups, os anexos, os arquivos enviados, os dados de homologação e os pacotes finais desta migração serão excluídos; ficam a solicitação, a linha do tempo e os relatórios.`,
      link: requestPath(r.id),
      resellerId: r.resellerId,
      clinicId: r.clinicId,
    })),
  );
  await tx.update(requests).set({ retentionNoticeAt: now }).where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
  await ctx.audit.append({ action: 'migration.retention.notice', resellerId: r.resellerId, clinicId: r.clinicId, target: `migração #${r.id}`, details: { deleteOn: day, notified: userIds.length } }, tx);
}

async function deleteFiles(ctx: PluginContext<unknown>, tx: Tx, r: RequestRow, now: Date): Promise<void> {
  const parts: string[] = [];
  let bytes = 0;
  let items = 0;
  for (const target of retentionTargets) {
    const done = await target.deleteFor({ tx, ctx, now }, r);
    items += done.count;
    bytes += done.bytes ?? 0;
    parts.push(`${target.name}: ${done.count}${done.bytes ? ` (${formatBytes(done.bytes)})` : ''}`);
  }
  await tx.update(requests).set({ retentionDoneAt: now }).where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
  await ctx.audit.append(
    {
      action: 'migration.retention.deleted',
      resellerId: r.resellerId,
      clinicId: r.clinicId,
      target: `migração #${r.id}`,
      details: { deleted: parts.join('; '), items, bytes, closedAt: r.closedAt!.toISOString() },
    },
    tx,
  );
  const userIds = [...new Set([...(await clinicSideIds(tx, r)), ...(await teamIds(tx))])];
  await ctx.notifications.notify(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: 'migration.retention',
      title: `Migração #${r.id}: arquivos excluídos pela retenção`,
      body: `${r.clinicName} · ${parts.join('; ')}`,
      link: requestPath(r.id),
      resellerId: r.resellerId,
      clinicId: r.clinicId,
    })),
  );
}
