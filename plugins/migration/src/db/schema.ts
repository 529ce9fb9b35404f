/**
 * The migration plugin's tables, in its own Postgres schema `migration`. Every tenant table carries the
 * reseller key first in its primary and foreign keys (Citus-ready) and the base's id, row-level security
 * is enabled and forced (migration 0001), and the policies use core's app_* functions:
 * - the base, its singular's admins and the platform see the base's rows (app_can_see_clinic), and so
 *   does a support agent inside the base through an active grant (its clinic scope) — who never writes;
 * - the vendor's migration team (user kind 'migration_team', in its user scope) sees and answers every
 *   singular's requests;
 * - nobody deletes except the platform.
 */
import { coreTables as core } from '@painel/core/plugin';
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
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ContactValue, EntityKey, ExtractionMode, FormatKey, PlanValue, TestPlanValue } from '../domain/vocabulary.ts';
import type { GoLiveValue } from '../domain/go-live.ts';
import type { Side, State } from '../domain/states.ts';
import type { VersionState } from '../versions/version-states.ts';

export const migrationSchema = pgSchema('migration');

const team = `(app_scope() = 'user' AND app_user_kind() = 'migration_team')`;
const read = sql.raw(`app_can_see_clinic(reseller_id, clinic_id) OR ${team}`);
const write = sql.raw(`(app_can_see_clinic(reseller_id, clinic_id) AND app_user_kind() IS DISTINCT FROM 'support_agent') OR ${team}`);
const platformOnly = sql.raw(`app_scope() = 'platform'`);

const tenantPolicies = (name: string) => [
  pgPolicy(`${name}_read`, { for: 'select', using: read }),
  pgPolicy(`${name}_insert`, { for: 'insert', withCheck: write }),
  pgPolicy(`${name}_update`, { for: 'update', using: write, withCheck: write }),
  pgPolicy(`${name}_platform_delete`, { for: 'delete', using: platformOnly }),
];

/** The legacy systems the migration team knows ("catálogo de sistemas legados"); the form offers them plus "outro". */
export const legacySystems = migrationSchema.table(
  'legacy_systems',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull().unique(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  () => [
    pgPolicy('legacy_systems_read', { for: 'select', using: sql.raw(`app_scope() <> 'none'`) }),
    pgPolicy('legacy_systems_team_insert', { for: 'insert', withCheck: sql.raw(`${team} OR app_scope() = 'platform'`) }),
    pgPolicy('legacy_systems_team_update', { for: 'update', using: sql.raw(team), withCheck: sql.raw(team) }),
  ],
);

/** The extraction slot the clinic asked for. */
export interface Availability {
  date: string;
  from: string;
  to: string;
}

/** A request to reschedule or cancel the booked extraction, answered by the team within 1 business day. */
export interface SlotRequest {
  kind: 'reagendar' | 'cancelar';
  note: string;
  availability: Availability | null;
  at: string;
  dueAt: string;
  byName: string;
}

/** The team's feasibility feedback. */
export interface Feedback {
  viable: boolean;
  estimatedDate: string;
  note: string;
  at: string;
}

/** One migration request ("solicitação de migração") of one base. Names are snapshots taken at opening. */
export const requests = migrationSchema.table(
  'requests',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    clinicName: text('clinic_name').notNull(),
    resellerName: text('reseller_name').notNull(),
    openedByUserId: bigint('opened_by_user_id', { mode: 'number' }),
    openedByName: text('opened_by_name').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    // The lifecycle: current state, since when, who acts next and by when.
    state: text('state').$type<State>().notNull().default('solicitada'),
    stateSince: timestamp('state_since', { withTimezone: true }).notNull(),
    validationRound: integer('validation_round').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }),
    dueSide: text('due_side').$type<Side>(),
    // What the seed's e-mail asked for.
    legacySystemId: integer('legacy_system_id').references(() => legacySystems.id),
    legacySystemName: text('legacy_system_name').notNull(),
    legacyVersion: text('legacy_version').notNull(),
    availability: jsonb('availability').$type<Availability>().notNull(),
    clinicContact: jsonb('clinic_contact').$type<ContactValue>().notNull(),
    analystContact: jsonb('analyst_contact').$type<ContactValue>().notNull(),
    extractionMode: text('extraction_mode').$type<ExtractionMode>().notNull(),
    formats: jsonb('formats').$type<FormatKey[]>().notNull(),
    otherFormat: text('other_format'),
    entities: jsonb('entities').$type<EntityKey[]>().notNull(),
    // Milestones.
    extractionAt: timestamp('extraction_at', { withTimezone: true }),
    slotRequest: jsonb('slot_request').$type<SlotRequest>(),
    backupReceivedAt: timestamp('backup_received_at', { withTimezone: true }),
    feedback: jsonb('feedback').$type<Feedback>(),
    finalAt: timestamp('final_at', { withTimezone: true }),
    finalExecutedAt: timestamp('final_executed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    // IT checklist of the singular (seed 000, "Validação do backup pela equipe de TI da operadora").
    allTablesSent: boolean('all_tables_sent'),
    needsPassword: boolean('needs_password'),
    /** AES-256-GCM ciphertext (base64 iv.tag.data) of the backup password; erased at closing. */
    passwordCipher: text('password_cipher'),
    /** What may be shown of the password: its length and last character. */
    passwordHint: text('password_hint'),
    linkHasDeadline: boolean('link_has_deadline'),
    linkDeadline: text('link_deadline'),
    checklistByName: text('checklist_by_name'),
    checklistAt: timestamp('checklist_at', { withTimezone: true }),
    // Migration plan and test plan (seed 004).
    plan: jsonb('plan').$type<PlanValue>(),
    testPlan: jsonb('test_plan').$type<TestPlanValue>(),
    /** The deadline whose passing was already notified (the overdue job notifies each deadline once). */
    overdueNotifiedDueAt: timestamp('overdue_notified_due_at', { withTimezone: true }),
    /** When the clinic was told that the request's files are about to be deleted (retention). */
    retentionNoticeAt: timestamp('retention_notice_at', { withTimezone: true }),
    /** When retention deleted the request's files and per-request data (14 days after closing). */
    retentionDoneAt: timestamp('retention_done_at', { withTimezone: true }),
    // The go-live checklist (seed 004): steps with owner and state, continuity, rollback plan.
    goLive: jsonb('go_live').$type<GoLiveValue>(),
    // The version the gestor approved ("Aprovo esta versão"): the final package is built from it.
    approvedVersionId: bigint('approved_version_id', { mode: 'number' }),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
    index('requests_clinic_idx').on(t.resellerId, t.clinicId, t.openedAt),
    index('requests_due_idx').on(t.dueAt),
    ...tenantPolicies('requests'),
  ],
);

/** The timeline: every state change with who, when and the deadline it set. */
export const events = migrationSchema.table(
  'events',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').$type<State>(),
    toState: text('to_state').$type<State>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: bigint('by_user_id', { mode: 'number' }),
    byName: text('by_name').notNull(),
    note: text('note'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    dueSide: text('due_side').$type<Side>(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    index('events_request_idx').on(t.resellerId, t.requestId, t.at),
    ...tenantPolicies('events'),
  ],
);

/** The thread between the clinic, the singular's analyst and the migration team. */
export const messages = migrationSchema.table(
  'messages',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    authorUserId: bigint('author_user_id', { mode: 'number' }),
    authorName: text('author_name').notNull(),
    authorSide: text('author_side').$type<'clinica' | 'singular' | 'equipe'>().notNull(),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    index('messages_request_idx').on(t.resellerId, t.requestId, t.at),
    ...tenantPolicies('messages'),
  ],
);

/** A backup: a file received through the upload, or an external link with its deadline. */
export const backups = migrationSchema.table(
  'backups',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    kind: text('kind').$type<'arquivo' | 'link'>().notNull(),
    url: text('url'),
    linkDeadline: text('link_deadline'),
    fileName: text('file_name'),
    fileRef: text('file_ref'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    /** For a PostgreSQL dump: its tables and, where the dump says, their row counts. */
    tables: jsonb('tables').$type<Array<{ name: string; rows: number | null }>>(),
    dumpFormat: text('dump_format'),
    byUserId: bigint('by_user_id', { mode: 'number' }),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    index('backups_request_idx').on(t.resellerId, t.requestId),
    ...tenantPolicies('backups'),
  ],
);

/** A file attached to a message of the thread, kept in the plugin's file store (`ctx.files`). */
export const attachments = migrationSchema.table(
  'attachments',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    messageId: bigint('message_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    /** The type sniffed from the first bytes (never the name or the browser's claim). */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** The id in the plugin's file store; null once retention deleted the file. */
    fileRef: text('file_ref'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    foreignKey({ columns: [t.resellerId, t.messageId], foreignColumns: [messages.resellerId, messages.id] }),
    index('attachments_request_idx').on(t.resellerId, t.requestId),
    ...tenantPolicies('attachments'),
  ],
);

/** One mapped column of a file: the header, its position, the field it feeds and the score (1 = chosen by a person or a template). Columns not listed are ignored. */
export interface FileColumnMapping {
  column: string;
  index: number;
  field: string;
  confidence: number;
}

/** One check of a file, kept in its history: why it ran, when, by whom, and what it found. */
export interface FileCheck {
  at: string;
  reason: 'envio' | 'mapeamento' | 'correcao' | 'reverificacao';
  byName: string;
  rows: number;
  valid: number;
  validPercent: number;
  errors: Record<string, number>;
}

export const FILE_STATUSES = ['enviado', 'verificado', 'confirmado', 'substituido'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/**
 * A legacy export uploaded for pre-validation in a request: one entity's file (CSV, XLSX, MDB/ACCDB),
 * its reading (encoding, delimiter, sheet), its mapping and its last report. A corrected re-upload is a
 * row of its own pointing at the file it corrects (`corrects_file_id`); its rows replace the original's
 * rows with the same line or código, and the original's report is the merged result.
 * Status: enviado (received, check queued or running) → verificado (checked, mapping not yet confirmed)
 * → confirmado (mapping confirmed by a person); substituido when a new file of the same entity replaced it.
 */
export const requestFiles = migrationSchema.table(
  'request_files',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    /** The entity key (prevalidation/entities.ts: pacientes, agendamentos, …). */
    entity: text('entity').notNull(),
    /** The id of the stored upload in the plugin's file store (ctx.files). */
    fileRef: text('file_ref').notNull(),
    format: text('format').$type<'csv' | 'xlsx' | 'mdb'>().notNull(),
    originalName: text('original_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    encoding: text('encoding').$type<'utf-8' | 'windows-1252'>(),
    delimiter: text('delimiter'),
    /** The XLSX sheet, or the Access table, that was read (null: the default). */
    sheet: text('sheet'),
    header: jsonb('header').$type<string[]>(),
    mapping: jsonb('mapping').$type<FileColumnMapping[]>(),
    legacySystemId: integer('legacy_system_id').references(() => legacySystems.id),
    status: text('status').$type<FileStatus>().notNull().default('enviado'),
    rows: integer('rows'),
    validRows: integer('valid_rows'),
    /** The last report (prevalidation FileReport, samples masked), merged with the corrections. */
    report: jsonb('report').$type<Record<string, unknown>>(),
    /** Every check of this file, oldest first. */
    history: jsonb('history').$type<FileCheck[]>().notNull().default([]),
    /** The stored error CSV of the last check (null: no error row, or not checked yet). */
    errorsRef: text('errors_ref'),
    /** The validation job of the last check. */
    jobId: text('job_id'),
    /** The file this one corrects (a corrected re-upload), or null for a whole file. */
    correctsFileId: bigint('corrects_file_id', { mode: 'number' }),
    uploadedByUserId: bigint('uploaded_by_user_id', { mode: 'number' }),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    confirmedByUserId: bigint('confirmed_by_user_id', { mode: 'number' }),
    confirmedByName: text('confirmed_by_name'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    foreignKey({ columns: [t.resellerId, t.correctsFileId], foreignColumns: [t.resellerId, t.id] }),
    index('request_files_request_idx').on(t.resellerId, t.requestId, t.entity),
    ...tenantPolicies('request_files'),
  ],
);

/**
 * The confirmed mapping of a legacy system's export of one entity (column header → field), saved when a
 * person confirms a file's mapping and applied to the next upload from that system (still reviewed).
 * Headers are not personal data, so one template serves every base migrating from that system.
 */
export const mappingTemplates = migrationSchema.table(
  'mapping_templates',
  {
    id: serial('id').primaryKey(),
    legacySystemId: integer('legacy_system_id')
      .notNull()
      .references(() => legacySystems.id),
    entity: text('entity').notNull(),
    columns: jsonb('columns').$type<Record<string, string>>().notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('mapping_templates_system_entity').on(t.legacySystemId, t.entity),
    pgPolicy('mapping_templates_read', { for: 'select', using: sql.raw(`app_scope() <> 'none'`) }),
    pgPolicy('mapping_templates_insert', { for: 'insert', withCheck: sql.raw(`app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent'`) }),
    pgPolicy('mapping_templates_update', {
      for: 'update',
      using: sql.raw(`app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent'`),
      withCheck: sql.raw(`app_scope() <> 'none' AND app_user_kind() IS DISTINCT FROM 'support_agent'`),
    }),
  ],
);

/** Per entity of a validation version: valid rows offered to the load, rows staged, rows refused by it. */
export interface VersionCount {
  /** Rows in the source file (valid or not), when the load knows them. */
  source?: number;
  valid: number;
  staged: number;
  rejected: number;
}

/**
 * A validation version N of a request ("versão de validação"): the valid rows of the confirmed files
 * loaded into the homologation staging (`staged_rows`), open for 15 days, then expired and dropped.
 * States: carregando (the load job runs) → aberta (the clinic reviews it) → expirada; or falhou.
 */
export const versions = migrationSchema.table(
  'versions',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    number: integer('number').notNull(),
    state: text('state').$type<VersionState>().notNull().default('carregando'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** createdAt + 15 days: the daily job expires the version and drops its staging rows after it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    /** The load job (core's durable queue), for its progress at /tarefas/:id. */
    jobId: text('job_id'),
    byUserId: bigint('by_user_id', { mode: 'number' }),
    byName: text('by_name').notNull(),
    counts: jsonb('counts').$type<Partial<Record<EntityKey, VersionCount>>>().notNull().default({}),
    /** Why the load failed (pt-BR), when it did. */
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    unique('versions_request_number_unique').on(t.resellerId, t.requestId, t.number),
    unique('versions_key_unique').on(t.resellerId, t.clinicId, t.requestId, t.id),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    index('versions_clinic_idx').on(t.resellerId, t.clinicId, t.state),
    index('versions_expires_idx').on(t.expiresAt),
    ...tenantPolicies('versions'),
  ],
);

/**
 * The homologation staging: ONE table for every entity's rows of every version. `source` is the row as
 * the legacy file had it (column → raw text), `data` the normalised values (field → value). Row-level
 * security is keyed by singular, base AND version (migration 0003): a row is readable only while its
 * version, of the same base and request, is readable and not expired, and loadable only into a version
 * that is being loaded.
 */
export const stagedRows = migrationSchema.table(
  'staged_rows',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    entity: text('entity').$type<EntityKey>().notNull(),
    sourceLine: integer('source_line').notNull(),
    source: jsonb('source').$type<Record<string, string>>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.versionId, t.entity, t.sourceLine] }),
    foreignKey({
      name: 'staged_rows_version_fk',
      columns: [t.resellerId, t.clinicId, t.requestId, t.versionId],
      foreignColumns: [versions.resellerId, versions.clinicId, versions.requestId, versions.id],
    }),
  ],
);

/** Rows a version's load refused, with the reason (pt-BR); dropped with the version's staging. */
export const versionRejects = migrationSchema.table(
  'version_rejects',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    entity: text('entity').$type<EntityKey>().notNull(),
    sourceLine: integer('source_line'),
    reason: text('reason').notNull(),
    source: jsonb('source').$type<Record<string, string>>(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({
      name: 'version_rejects_version_fk',
      columns: [t.resellerId, t.clinicId, t.requestId, t.versionId],
      foreignColumns: [versions.resellerId, versions.clinicId, versions.requestId, versions.id],
    }),
    index('version_rejects_version_idx').on(t.resellerId, t.versionId, t.entity),
  ],
);

/**
 * The mirror test of a version: the clinic's verdict on each sampled record ("confere" or "diverge",
 * with a comment). Samples of EHR entities are reviewed by the base's clinical roles only; row-level
 * security (custom migration) walls them off from support and admins as it does the staged rows.
 */
export const mirrorReviews = migrationSchema.table(
  'mirror_reviews',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    entity: text('entity').$type<EntityKey>().notNull(),
    sourceLine: integer('source_line').notNull(),
    verdict: text('verdict').$type<'confere' | 'diverge'>().notNull(),
    comment: text('comment').notNull().default(''),
    byUserId: bigint('by_user_id', { mode: 'number' }),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    unique('mirror_reviews_sample_unique').on(t.resellerId, t.versionId, t.entity, t.sourceLine),
    foreignKey({
      name: 'mirror_reviews_version_fk',
      columns: [t.resellerId, t.clinicId, t.requestId, t.versionId],
      foreignColumns: [versions.resellerId, versions.clinicId, versions.requestId, versions.id],
    }),
  ],
);

/** One file of a final package, kept in the plugin's file store. */
export interface PackageFileRow {
  name: string;
  entity: EntityKey;
  rows: number;
  bytes: number;
  sha256: string;
  fileId: string;
}

/**
 * The canonical export package of the final version: one CSV per entity (mapping applied) built from the
 * approved version's staged rows by a job, plus its manifest; downloaded as a streamed zip.
 * States: gerando → pronto (or falhou); apagado once retention deleted its files.
 */
export const packages = migrationSchema.table(
  'packages',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    requestId: bigint('request_id', { mode: 'number' }).notNull(),
    versionId: bigint('version_id', { mode: 'number' }).notNull(),
    versionNumber: integer('version_number').notNull(),
    state: text('state').$type<'gerando' | 'pronto' | 'falhou' | 'apagado'>().notNull().default('gerando'),
    jobId: text('job_id'),
    files: jsonb('files').$type<PackageFileRow[]>().notNull().default([]),
    error: text('error'),
    byUserId: bigint('by_user_id', { mode: 'number' }),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.requestId], foreignColumns: [requests.resellerId, requests.id] }),
    index('packages_request_idx').on(t.resellerId, t.requestId, t.createdAt),
    ...tenantPolicies('packages'),
  ],
);
