import { schema as core } from '@painel/core/module';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, foreignKey, index, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Support access grants (SPEC §5, LGPD). Every table is keyed by the reseller first (Citus-ready) and
 * has row-level security enabled and forced; the policies live in migrations/0001_rls.sql. People's
 * names and e-mails are copied at the time of the event: the base must read its history without
 * seeing the vendor's user table, and the history must not change when a user is renamed.
 */
export const supportAccess = pgSchema('support_access');

export const grantEndReasons = ['revoked', 'replaced', 'expired'] as const;
export type GrantEndReason = (typeof grantEndReasons)[number];

/**
 * One grant of a base to the support team. Active while `ended_at` is null and `ends_at` is in the
 * future; at most one open grant per base (partial unique index). An expired grant is closed
 * (`ended_at = ends_at`, reason `expired`) the first time the app observes it.
 */
export const grants = supportAccess
  .table(
    'grants',
    {
      resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
      id: bigserial('id', { mode: 'number' }).notNull(),
      clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
      grantedByUserId: bigint('granted_by_user_id', { mode: 'number' }).notNull(),
      grantedByName: text('granted_by_name').notNull(),
      grantedByEmail: text('granted_by_email').notNull(),
      reason: text('reason'),
      /** The duration picked ("1h", "4h", "1d", "3d", "7d"). */
      duration: text('duration').notNull(),
      startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
      endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
      endedAt: timestamp('ended_at', { withTimezone: true }),
      endReason: text('end_reason', { enum: grantEndReasons }),
      endedByUserId: bigint('ended_by_user_id', { mode: 'number' }),
      endedByName: text('ended_by_name'),
      firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
      /** The support request this grant answered, if any. */
      requestId: bigint('request_id', { mode: 'number' }),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.resellerId, t.id] }),
      foreignKey({ name: 'grants_clinic_fk', columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
      uniqueIndex('grants_one_open_per_base').on(t.resellerId, t.clinicId).where(sql`ended_at is null`),
      index('grants_base_idx').on(t.resellerId, t.clinicId, t.createdAt),
    ],
  )
  .enableRLS();

export const grantEventKinds = ['granted', 'extended', 'replaced', 'revoked', 'expired'] as const;
export type GrantEventKind = (typeof grantEventKinds)[number];

/** The grant history of a base: granted / extended / replaced / revoked / expired. */
export const grantEvents = supportAccess
  .table(
    'grant_events',
    {
      resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
      id: bigserial('id', { mode: 'number' }).notNull(),
      clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
      grantId: bigint('grant_id', { mode: 'number' }).notNull(),
      kind: text('kind', { enum: grantEventKinds }).notNull(),
      at: timestamp('at', { withTimezone: true }).notNull(),
      /** Who did it; null for an expiry. */
      byUserId: bigint('by_user_id', { mode: 'number' }),
      byName: text('by_name'),
      duration: text('duration'),
      reason: text('reason'),
      /** The grant's end after the event. */
      endsAt: timestamp('ends_at', { withTimezone: true }),
    },
    (t) => [
      primaryKey({ columns: [t.resellerId, t.id] }),
      foreignKey({ name: 'grant_events_grant_fk', columns: [t.resellerId, t.grantId], foreignColumns: [grants.resellerId, grants.id] }),
      index('grant_events_base_idx').on(t.resellerId, t.clinicId, t.at),
    ],
  )
  .enableRLS();

export const accessOutcomes = ['allowed', 'denied'] as const;
export type AccessOutcome = (typeof accessOutcomes)[number];

/** Every request a support agent made inside the base (and each refusal), for the base to read. */
export const accessLog = supportAccess
  .table(
    'access_log',
    {
      resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
      id: bigserial('id', { mode: 'number' }).notNull(),
      clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
      grantId: bigint('grant_id', { mode: 'number' }),
      at: timestamp('at', { withTimezone: true }).notNull(),
      agentUserId: bigint('agent_user_id', { mode: 'number' }).notNull(),
      agentName: text('agent_name').notNull(),
      agentEmail: text('agent_email').notNull(),
      method: text('method').notNull(),
      path: text('path').notNull(),
      screen: text('screen').notNull(),
      dataClass: text('data_class'),
      outcome: text('outcome', { enum: accessOutcomes }).notNull(),
      status: bigint('status', { mode: 'number' }).notNull(),
      /** Why it was refused: "ehr", "grant_ended", a policy reason… */
      reason: text('reason'),
    },
    (t) => [
      primaryKey({ columns: [t.resellerId, t.id] }),
      foreignKey({ name: 'access_log_clinic_fk', columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
      index('access_log_base_at_idx').on(t.resellerId, t.clinicId, t.at),
      index('access_log_base_agent_idx').on(t.resellerId, t.clinicId, t.agentUserId, t.at),
    ],
  )
  .enableRLS();

export const requestStatuses = ['pending', 'approved', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** A support agent's request for access to a base; unanswered requests expire after 24 h (on read). */
export const accessRequests = supportAccess
  .table(
    'access_requests',
    {
      resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
      id: bigserial('id', { mode: 'number' }).notNull(),
      clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
      agentUserId: bigint('agent_user_id', { mode: 'number' }).notNull(),
      agentName: text('agent_name').notNull(),
      agentEmail: text('agent_email').notNull(),
      reason: text('reason').notNull(),
      createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
      status: text('status', { enum: requestStatuses }).notNull().default('pending'),
      decidedAt: timestamp('decided_at', { withTimezone: true }),
      decidedByUserId: bigint('decided_by_user_id', { mode: 'number' }),
      decidedByName: text('decided_by_name'),
      grantId: bigint('grant_id', { mode: 'number' }),
    },
    (t) => [
      primaryKey({ columns: [t.resellerId, t.id] }),
      foreignKey({ name: 'access_requests_clinic_fk', columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
      index('access_requests_base_idx').on(t.resellerId, t.clinicId, t.createdAt),
      index('access_requests_agent_idx').on(t.agentUserId, t.createdAt),
    ],
  )
  .enableRLS();
