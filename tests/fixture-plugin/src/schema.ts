import { coreTables } from '@painel/core/plugin';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

/** The plugin's own Postgres schema: its id "fixture-plugin" with '-' → '_'. */
export const fixtureSchema = pgSchema('fixture_plugin');

/** A clinic's notes: a tenant table (reseller key first in the primary and foreign keys). */
export const notes = fixtureSchema.table(
  'notes',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    body: text('body').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [coreTables.clinics.resellerId, coreTables.clinics.id] }),
    index('notes_clinic_idx').on(t.resellerId, t.clinicId),
    pgPolicy('notes_tenant', {
      for: 'all',
      using: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
      withCheck: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
    }),
  ],
);

/** Core events the plugin received (one row per delivery). */
export const eventLog = fixtureSchema.table(
  'event_log',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    event: text('event').notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    pgPolicy('event_log_reseller', {
      for: 'all',
      using: sql.raw('app_can_see_reseller(reseller_id)'),
      withCheck: sql.raw('app_can_see_reseller(reseller_id)'),
    }),
  ],
);

/** One row per run of the periodic job (tests count them per slot). */
export const jobTicks = fixtureSchema.table(
  'job_ticks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    slot: timestamp('slot', { withTimezone: true }).notNull(),
    notes: bigint('notes', { mode: 'number' }).notNull(),
  },
  () => [pgPolicy('job_ticks_platform', { for: 'all', using: sql.raw(`app_scope() = 'platform'`), withCheck: sql.raw(`app_scope() = 'platform'`) })],
);

/** One row per step of the `count-slowly` job: which attempt, on which instance (tests prove no overlap). */
export const jobSteps = fixtureSchema.table(
  'job_steps',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    jobId: text('job_id').notNull(),
    attempt: bigint('attempt', { mode: 'number' }).notNull(),
    step: bigint('step', { mode: 'number' }).notNull(),
    worker: text('worker').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    pgPolicy('job_steps_reseller', {
      for: 'all',
      using: sql.raw('app_can_see_reseller(reseller_id)'),
      withCheck: sql.raw('app_can_see_reseller(reseller_id)'),
    }),
  ],
);

/**
 * A staging table for bulk loads (`ctx.copyInto`): a tenant table under forced row-level security,
 * with a column of every kind the loader encodes.
 */
export const stagedRows = fixtureSchema.table(
  'staged_rows',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    label: text('label'),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    ratio: doublePrecision('ratio'),
    active: boolean('active'),
    dueOn: date('due_on', { mode: 'string' }),
    happenedAt: timestamp('happened_at', { withTimezone: true }),
    doc: jsonb('doc'),
    raw: bytea('raw'),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    pgPolicy('staged_rows_tenant', {
      for: 'all',
      using: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
      withCheck: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
    }),
  ],
);
