import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. Rows are written only through the SECURITY DEFINER function
 * `audit_append(...)` (core/migrations), which serialises appends and chains each row to the previous
 * one's SHA-256; a trigger refuses UPDATE and DELETE for every role.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    actorEmail: text('actor_email'),
    actingFor: text('acting_for'),
    resellerId: bigint('reseller_id', { mode: 'number' }),
    clinicId: bigint('clinic_id', { mode: 'number' }),
    action: text('action').notNull(),
    target: text('target'),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_reseller_at_idx').on(t.resellerId, t.at),
    index('audit_clinic_at_idx').on(t.clinicId, t.at),
    index('audit_actor_at_idx').on(t.actorUserId, t.at),
    index('audit_at_idx').on(t.at),
    pgPolicy('audit_read', {
      for: 'select',
      using: sql.raw(
        `app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or (app_scope() = 'clinic' and reseller_id = app_reseller_id() and clinic_id = app_clinic_id())`,
      ),
    }),
    pgPolicy('audit_insert', { for: 'insert', withCheck: sql`true` }),
  ],
);
