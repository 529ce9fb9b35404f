import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';

export const jobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof jobStates)[number];

/**
 * Who may read a job row besides the platform: the tenant scope it was enqueued for (a clinic's job by
 * that clinic's scope and its reseller's, a reseller's job by the reseller's scope). Writes are the
 * platform's only: the queue works in platform scope.
 */
const tenantReads = sql.raw(
  `reseller_id is not null and (case when clinic_id is null then app_can_see_reseller(reseller_id) else app_can_see_clinic(reseller_id, clinic_id) end)`,
);

/**
 * Durable jobs (core/src/jobs): one row per job, shared by every app instance. A runner claims a row
 * by writing a fresh `lease_token` and `lease_until`; it keeps the lease by heartbeat, and every later
 * write of that attempt (progress, finish) is fenced by the token, so a runner that lost its lease
 * cannot overwrite the attempt that took over.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    /** `core` or the plugin id: a plugin sees and cancels only its own jobs. */
    owner: text('owner').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    /** The tenant scope it was enqueued for (null reseller: platform work). */
    resellerId: bigint('reseller_id', { mode: 'number' }),
    clinicId: bigint('clinic_id', { mode: 'number' }),
    /** Who enqueued it (null for periodic runs and core work). */
    userId: bigint('user_id', { mode: 'number' }),
    state: text('state', { enum: jobStates }).notNull(),
    percent: integer('percent').notNull().default(0),
    message: text('message'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    timeoutMs: integer('timeout_ms').notNull(),
    backoffMs: integer('backoff_ms').notNull(),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** A queued job is not claimed before this instant (retry backoff, a delayed start). */
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    leaseToken: uuid('lease_token'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** The instance running the current attempt (host:pid), for operators. */
    worker: text('worker'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.state, t.runAfter),
    index('jobs_owner_kind_idx').on(t.owner, t.kind, t.createdAt),
    index('jobs_finished_idx').on(t.finishedAt),
    check('jobs_percent_range', sql`${t.percent} between 0 and 100`),
    pgPolicy('jobs_platform', { for: 'all', using: rls.scopeIn('platform'), withCheck: rls.scopeIn('platform') }),
    pgPolicy('jobs_tenant_read', { for: 'select', using: tenantReads }),
  ],
);

/**
 * Periodic jobs: when each schedule is next due. One instance moves `next_run_at` forward in one
 * UPDATE … WHERE next_run_at <= now and enqueues the run in the same transaction.
 */
export const jobSchedules = pgTable(
  'job_schedules',
  {
    owner: text('owner').notNull(),
    kind: text('kind').notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.owner, t.kind] }),
    pgPolicy('job_schedules_platform', { for: 'all', using: rls.scopeIn('platform'), withCheck: rls.scopeIn('platform') }),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
