import { type Db, schema } from '@painel/core/module';
import { and, desc, eq, gte, ilike, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { containsPattern } from '../users/like-pattern.ts';
import type { AuditFilters } from './audit-filters.ts';

const { auditLog, clinics, resellers } = schema;

export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: number | null;
  actorEmail: string | null;
  actingFor: string | null;
  resellerId: number | null;
  resellerName: string | null;
  clinicId: number | null;
  clinicName: string | null;
  action: string;
  target: string | null;
  outcome: 'allowed' | 'denied';
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

/**
 * WHERE for the filters. Row-level security already limits what the scope sees (platform: all;
 * reseller: its own rows), so this only narrows. `whoUserId` is the account of an exact e-mail, so
 * its rows are found through the actor index (rows without a user id match by e-mail).
 */
export function auditWhere(filters: AuditFilters, whoUserId: number | null): SQL | undefined {
  const who = filters.who;
  let whoSql: SQL | undefined;
  if (who.includes('@')) {
    const byEmail = sql`lower(${auditLog.actorEmail}) = ${who.toLowerCase()}`;
    whoSql = whoUserId === null ? byEmail : or(eq(auditLog.actorUserId, whoUserId), byEmail);
  } else if (who) {
    whoSql = ilike(auditLog.actorEmail, containsPattern(who));
  }
  const action = filters.action;
  const actionSql = !action
    ? undefined
    : action.endsWith('.')
      ? like(auditLog.action, `${action.replace(/_/g, '\\_')}%`)
      : eq(auditLog.action, action);
  return and(
    whoSql,
    filters.base !== null ? eq(auditLog.clinicId, filters.base) : undefined,
    actionSql,
    filters.outcome ? eq(auditLog.outcome, filters.outcome) : undefined,
    filters.from ? gte(auditLog.at, filters.from) : undefined,
    filters.until ? lt(auditLog.at, filters.until) : undefined,
  );
}

/** One page (or export batch) newest first, keyset on id: rows older than `before`. */
export async function auditBatch(tx: Db, where: SQL | undefined, before: number | null, limit: number): Promise<AuditRow[]> {
  return tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorEmail: auditLog.actorEmail,
      actingFor: auditLog.actingFor,
      resellerId: auditLog.resellerId,
      resellerName: resellers.name,
      clinicId: auditLog.clinicId,
      clinicName: clinics.name,
      action: auditLog.action,
      target: auditLog.target,
      outcome: auditLog.outcome,
      ip: auditLog.ip,
      requestId: auditLog.requestId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(resellers, eq(resellers.id, auditLog.resellerId))
    .leftJoin(clinics, and(eq(clinics.resellerId, auditLog.resellerId), eq(clinics.id, auditLog.clinicId)))
    .where(and(where, before !== null ? lt(auditLog.id, before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
