import type { Db } from '@painel/core/module';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { accessLog } from '../db/schema.ts';
import type { LogFilter } from './log-filter.ts';

export type AccessLogRow = typeof accessLog.$inferSelect;

function where(base: BaseKey, filter: LogFilter, cursor?: { at: Date; id: number }): SQL | undefined {
  return and(
    eq(accessLog.resellerId, base.resellerId),
    eq(accessLog.clinicId, base.clinicId),
    filter.from ? gte(accessLog.at, filter.from) : undefined,
    filter.until ? lt(accessLog.at, filter.until) : undefined,
    filter.agentUserId !== null ? eq(accessLog.agentUserId, filter.agentUserId) : undefined,
    filter.outcome ? eq(accessLog.outcome, filter.outcome) : undefined,
    cursor ? sql`(${accessLog.at}, ${accessLog.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})` : undefined,
  );
}

/** One page of the base's access log, newest first; `hasNext` from one extra row. */
export async function accessLogPage(
  tx: Db,
  base: BaseKey,
  filter: LogFilter,
  page: number,
  pageSize = 50,
): Promise<{ rows: AccessLogRow[]; hasNext: boolean }> {
  const rows = await tx
    .select()
    .from(accessLog)
    .where(where(base, filter))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

/** A batch for the streamed CSV export: keyset on (at, id), so millions of rows stay cheap. */
export function accessLogBatch(tx: Db, base: BaseKey, filter: LogFilter, cursor: { at: Date; id: number } | undefined, size: number) {
  return tx
    .select()
    .from(accessLog)
    .where(where(base, filter, cursor))
    .orderBy(desc(accessLog.at), desc(accessLog.id))
    .limit(size);
}

/** The support agents that appear in the base's log (for the filter). */
export function agentsInLog(tx: Db, base: BaseKey): Promise<{ userId: number; name: string }[]> {
  const name = sql<string>`max(${accessLog.agentName})`;
  return tx
    .select({ userId: accessLog.agentUserId, name })
    .from(accessLog)
    .where(and(eq(accessLog.resellerId, base.resellerId), eq(accessLog.clinicId, base.clinicId)))
    .groupBy(accessLog.agentUserId)
    .orderBy(asc(name))
    .limit(200);
}
