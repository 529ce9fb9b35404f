import { schema as core } from '@painel/core/module';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { Notice, ParsedTrack } from '../validation/index.ts';

/**
 * The content module's own Postgres schema. Tenant tables carry the reseller key first in their
 * primary and foreign keys (Citus-ready); the platform's default track lives in two small
 * reference tables without a tenant key (`platform_versions`, `platform_publications`).
 * Versions and publications are append-only: no UPDATE or DELETE policy exists for them.
 */
export const content = pgSchema('content');

/** Reseller admins (their reseller) and platform admins write content; nobody else. */
const adminExpr = `app_scope() in ('platform', 'reseller') and app_can_see_reseller(reseller_id)`;
const adminWrite = () => sql.raw(adminExpr);

/** A reseller's onboarding track (trilha). Its content lives in immutable versions. */
export const tracks = content.table(
  'tracks',
  {
    resellerId: bigint('reseller_id', { mode: 'number' })
      .notNull()
      .references(() => core.resellers.id),
    id: bigserial('id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => core.users.id),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    pgPolicy('tracks_read', { for: 'select', using: sql.raw('app_can_see_reseller(reseller_id)') }),
    pgPolicy('tracks_insert', { for: 'insert', withCheck: adminWrite() }),
    pgPolicy('tracks_update', { for: 'update', using: adminWrite(), withCheck: adminWrite() }),
  ],
);

/** Columns shared by reseller track versions and platform default-track versions. */
const versionColumns = () => ({
  number: integer('number').notNull(),
  /** The uploaded text exactly as received (decoded as UTF-8). */
  sourceText: text('source_text').notNull(),
  fileName: text('file_name').notNull(),
  /** The normalised, parsed track (the validator's output). */
  track: jsonb('track').$type<ParsedTrack>().notNull(),
  /** "Texto complementar para a prévia", shown above the track in the panel. */
  previewText: text('preview_text'),
  notices: jsonb('notices').$type<Notice[]>().notNull(),
  restoredFrom: integer('restored_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => core.users.id),
  createdByName: text('created_by_name').notNull(),
});

/** Clinic users read a version only once it is published to their base (all bases or a target). */
const versionVisibleToClinic = `app_scope() = 'clinic' and reseller_id = app_reseller_id() and exists (
  select 1 from content.publications p
  where p.reseller_id = track_versions.reseller_id and p.track_id = track_versions.track_id
    and p.version = track_versions.number
    and (p.all_bases or exists (select 1 from content.publication_targets pt
      where pt.reseller_id = p.reseller_id and pt.publication_id = p.id and pt.clinic_id = app_clinic_id())))`;

export const trackVersions = content.table(
  'track_versions',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    trackId: bigint('track_id', { mode: 'number' }).notNull(),
    ...versionColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.trackId, t.number] }),
    foreignKey({ columns: [t.resellerId, t.trackId], foreignColumns: [tracks.resellerId, tracks.id] }),
    pgPolicy('track_versions_read', {
      for: 'select',
      using: sql.raw(`(${adminExpr}) or (${versionVisibleToClinic})`),
    }),
    pgPolicy('track_versions_insert', { for: 'insert', withCheck: adminWrite() }),
  ],
);

/**
 * One publish action: a version (or `null`: withdrawn) made live for every base of the reseller
 * (`all_bases`, also bases created later) or for the bases listed in `publication_targets`. The live
 * version of a track in a base is the one of the latest publication covering that base.
 */
export const publications = content.table(
  'publications',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    trackId: bigint('track_id', { mode: 'number' }).notNull(),
    version: integer('version'),
    allBases: boolean('all_bases').notNull(),
    baseCount: integer('base_count').notNull(),
    notifiedUsers: integer('notified_users').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => core.users.id),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.trackId], foreignColumns: [tracks.resellerId, tracks.id] }),
    foreignKey({
      columns: [t.resellerId, t.trackId, t.version],
      foreignColumns: [trackVersions.resellerId, trackVersions.trackId, trackVersions.number],
    }),
    index('publications_track_idx').on(t.resellerId, t.trackId, t.createdAt),
    pgPolicy('publications_read', { for: 'select', using: sql.raw('app_can_see_reseller(reseller_id)') }),
    pgPolicy('publications_insert', { for: 'insert', withCheck: adminWrite() }),
  ],
);

/** The chosen bases of a publication that is not for all bases. */
export const publicationTargets = content.table(
  'publication_targets',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    publicationId: bigint('publication_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.publicationId, t.clinicId] }),
    foreignKey({ columns: [t.resellerId, t.publicationId], foreignColumns: [publications.resellerId, publications.id] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
    index('publication_targets_clinic_idx').on(t.resellerId, t.clinicId),
    pgPolicy('publication_targets_read', { for: 'select', using: sql.raw('app_can_see_clinic(reseller_id, clinic_id)') }),
    pgPolicy('publication_targets_insert', { for: 'insert', withCheck: adminWrite() }),
  ],
);

/** Versions of the platform's default track (reference data, no tenant key). */
export const platformVersions = content.table(
  'platform_versions',
  versionColumns(),
  (t) => [
    primaryKey({ columns: [t.number] }),
    pgPolicy('platform_versions_read', {
      for: 'select',
      using: sql.raw(
        `app_scope() = 'platform' or (app_scope() <> 'none' and exists (select 1 from content.platform_publications pp where pp.version = platform_versions.number))`,
      ),
    }),
    pgPolicy('platform_versions_insert', { for: 'insert', withCheck: sql.raw(`app_scope() = 'platform'`) }),
  ],
);

/** Publish actions of the default track; it is always published to every base of every reseller. */
export const platformPublications = content.table(
  'platform_publications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    version: integer('version')
      .notNull()
      .references(() => platformVersions.number),
    notifiedUsers: integer('notified_users').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }).references(() => core.users.id),
    createdByName: text('created_by_name').notNull(),
  },
  () => [
    pgPolicy('platform_publications_read', { for: 'select', using: sql.raw(`app_scope() <> 'none'`) }),
    pgPolicy('platform_publications_insert', { for: 'insert', withCheck: sql.raw(`app_scope() = 'platform'`) }),
  ],
);

const ownClinicRow = `app_can_see_clinic(reseller_id, clinic_id) and (app_scope() <> 'clinic' or user_id = app_user_id())`;
const supportInBase = `app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and exists (select 1 from public.users u where u.id = app_user_id() and u.kind = 'support_agent')`;
const ownClinicWrite = `(app_scope() = 'clinic' and app_can_see_clinic(reseller_id, clinic_id) and user_id = app_user_id()) or app_scope() = 'platform'`;

/**
 * A user's progress on one task in one base. Keyed by identities that survive new versions:
 * `track_id` (0 = the platform's default track), the conquista's identity (normalised `descricao`)
 * and the task key (`id`, else normalised `titulo`). A row overrides the task's `efetuada` default.
 */
export const progress = content.table(
  'progress',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => core.users.id),
    trackId: bigint('track_id', { mode: 'number' }).notNull(),
    achievementKey: text('achievement_key').notNull(),
    taskKey: text('task_key').notNull(),
    done: boolean('done').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.clinicId, t.userId, t.trackId, t.achievementKey, t.taskKey] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
    index('progress_track_idx').on(t.resellerId, t.trackId),
    pgPolicy('progress_read', { for: 'select', using: sql.raw(ownClinicRow) }),
    // A support agent inside a base reads that base's progress: its clinic scope exists only while the
    // base has an active grant (core's actor resolution), and the agent's own users row is visible to it.
    pgPolicy('progress_support_read', { for: 'select', using: sql.raw(supportInBase) }),
    pgPolicy('progress_insert', { for: 'insert', withCheck: sql.raw(ownClinicWrite) }),
    pgPolicy('progress_update', { for: 'update', using: sql.raw(ownClinicWrite), withCheck: sql.raw(ownClinicWrite) }),
  ],
);

export const bookingStatuses = ['novo', 'agendado', 'concluido', 'cancelado'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** "Agendar um horário": a clinic user's request for a session with customer success. */
export const bookingRequests = content.table(
  'booking_requests',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => core.users.id),
    /** Preferred start instants (ISO 8601, UTC), in the order the user gave them. */
    preferredSlots: jsonb('preferred_slots').$type<string[]>().notNull(),
    note: text('note'),
    status: text('status', { enum: bookingStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByName: text('updated_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
    index('booking_requests_status_idx').on(t.resellerId, t.status, t.createdAt),
    index('booking_requests_user_idx').on(t.userId, t.resellerId, t.clinicId),
    pgPolicy('booking_requests_read', { for: 'select', using: sql.raw(ownClinicRow) }),
    pgPolicy('booking_requests_insert', { for: 'insert', withCheck: sql.raw(ownClinicWrite) }),
    pgPolicy('booking_requests_update', {
      for: 'update',
      using: sql.raw(`app_scope() in ('platform', 'reseller') and app_can_see_clinic(reseller_id, clinic_id)`),
      withCheck: sql.raw(`app_scope() in ('platform', 'reseller') and app_can_see_clinic(reseller_id, clinic_id)`),
    }),
  ],
);
