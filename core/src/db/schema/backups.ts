import { bigint, bigserial, boolean, index, integer, jsonb, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';

export const backupTriggers = ['schedule', 'manual', 'cli'] as const;
export type BackupTrigger = (typeof backupTriggers)[number];

export const backupStatuses = ['queued', 'running', 'ok', 'failed'] as const;
export type BackupStatus = (typeof backupStatuses)[number];

/**
 * Every backup the app or `npm run backup` took: when, which file, its size, how long it took, and
 * whether restoring it into a scratch database reproduced every table's row count and an intact
 * audit chain. A queued row is a "Fazer backup agora" request waiting for an instance to claim it.
 * Platform scope only.
 */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    trigger: text('trigger', { enum: backupTriggers }).notNull(),
    status: text('status', { enum: backupStatuses }).notNull(),
    requestedBy: bigint('requested_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** 0–100, with a pt-BR line of what is happening now. */
    progress: integer('progress').notNull().default(0),
    step: text('step'),
    file: text('file'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    durationMs: integer('duration_ms'),
    encrypted: boolean('encrypted'),
    /** null: not verified (yet); true/false with `verification` saying what was compared. */
    verified: boolean('verified'),
    verification: jsonb('verification').$type<Record<string, unknown>>(),
    error: text('error'),
    /** When retention removed the file. */
    prunedAt: timestamp('pruned_at', { withTimezone: true }),
  },
  (t) => [
    index('backup_runs_created_idx').on(t.createdAt),
    pgPolicy('backup_runs_platform', { for: 'all', using: rls.scopeIn('platform'), withCheck: rls.scopeIn('platform') }),
  ],
);

export type BackupRun = typeof backupRuns.$inferSelect;
