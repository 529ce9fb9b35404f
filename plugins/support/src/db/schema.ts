/**
 * The support plugin's tables, in its own Postgres schema `support`. Every tenant table carries the
 * reseller key first in its primary and foreign keys (Citus-ready), row-level security is enabled and
 * forced (migration 0001), and the policies use core's app_* functions:
 * - the base, its reseller admins and the platform see the base's rows (app_can_see_clinic);
 * - a support agent outside any base (scope 'support') sees only tickets routed to the vendor queue,
 *   and their messages, events and attachments — never the singular's own queue, never the board;
 * - nobody deletes except the platform (LGPD retention jobs).
 */
import { coreTables as core } from '@painel/core/plugin';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { BoardColumn, Category, Priority, Queue, SystemModule, TicketStatus } from '../domain/vocabulary.ts';

export const supportSchema = pgSchema('support');

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike)),
});

const tenant = sql.raw('app_can_see_clinic(reseller_id, clinic_id)');
const platformOnly = sql.raw(`app_scope() = 'platform'`);
/** Child rows of a vendor-queue ticket, for a support agent outside any base. */
const supportChild = (table: string) =>
  sql.raw(
    `app_scope() = 'support' AND EXISTS (SELECT 1 FROM support.tickets t WHERE t.reseller_id = ${table}.reseller_id AND t.id = ${table}.ticket_id AND t.queue = 'vendor')`,
  );

const tenantPolicies = (name: string) => [
  pgPolicy(`${name}_tenant_read`, { for: 'select', using: tenant }),
  pgPolicy(`${name}_tenant_insert`, { for: 'insert', withCheck: tenant }),
  pgPolicy(`${name}_tenant_update`, { for: 'update', using: tenant, withCheck: tenant }),
  pgPolicy(`${name}_platform_delete`, { for: 'delete', using: platformOnly }),
];

/** A support conversation ("chamado"): one chat, one ticket. Names are snapshots taken at opening. */
export const tickets = supportSchema.table(
  'tickets',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    clinicName: text('clinic_name').notNull(),
    resellerName: text('reseller_name').notNull(),
    openedByUserId: bigint('opened_by_user_id', { mode: 'number' }),
    openedByName: text('opened_by_name').notNull(),
    category: text('category').$type<Category>().notNull(),
    module: text('module').$type<SystemModule>().notNull(),
    subject: text('subject').notNull(),
    priority: text('priority').$type<Priority>(),
    status: text('status').$type<TicketStatus>().notNull().default('aberto'),
    queue: text('queue').$type<Queue>().notNull(),
    /** The closed ticket this one continues ("Abrir novo chamado a partir deste"). */
    previousTicketId: bigint('previous_ticket_id', { mode: 'number' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [core.clinics.resellerId, core.clinics.id] }),
    foreignKey({ columns: [t.resellerId, t.previousTicketId], foreignColumns: [t.resellerId, t.id] }),
    index('tickets_clinic_idx').on(t.resellerId, t.clinicId, t.openedAt),
    index('tickets_queue_idx').on(t.queue, t.status, t.openedAt),
    index('tickets_reseller_opened_idx').on(t.resellerId, t.openedAt),
    ...tenantPolicies('tickets'),
    pgPolicy('tickets_support_read', { for: 'select', using: sql.raw(`app_scope() = 'support' AND queue = 'vendor'`) }),
    pgPolicy('tickets_support_update', {
      for: 'update',
      using: sql.raw(`app_scope() = 'support' AND queue = 'vendor'`),
      withCheck: sql.raw(`app_scope() = 'support' AND queue = 'vendor'`),
    }),
  ],
);

/**
 * What happened to a ticket, in order: the source of its SLA (opened, priority_changed,
 * status_changed, agent_replied) and of its history (client_replied, queue_changed, grant_*, …).
 */
export const ticketEvents = supportSchema.table(
  'ticket_events',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    actorName: text('actor_name'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.ticketId], foreignColumns: [tickets.resellerId, tickets.id] }).onDelete('cascade'),
    index('ticket_events_ticket_idx').on(t.resellerId, t.ticketId, t.at),
    ...tenantPolicies('ticket_events'),
    pgPolicy('ticket_events_support_read', { for: 'select', using: supportChild('ticket_events') }),
    pgPolicy('ticket_events_support_insert', { for: 'insert', withCheck: supportChild('ticket_events') }),
  ],
);

/** The thread: messages of the clinic side and of the support side. */
export const messages = supportSchema.table(
  'messages',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    authorUserId: bigint('author_user_id', { mode: 'number' }),
    authorName: text('author_name').notNull(),
    /** 'clinic' (the base or its singular writing as the client), 'agent' (vendor), 'team' (singular's team). */
    authorRole: text('author_role').$type<'clinic' | 'agent' | 'team'>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.ticketId], foreignColumns: [tickets.resellerId, tickets.id] }).onDelete('cascade'),
    index('messages_ticket_idx').on(t.resellerId, t.ticketId, t.id),
    ...tenantPolicies('messages'),
    pgPolicy('messages_support_read', { for: 'select', using: supportChild('messages') }),
    pgPolicy('messages_support_insert', { for: 'insert', withCheck: supportChild('messages') }),
  ],
);

/**
 * Files attached to messages (PNG, JPEG, PDF up to 5 MB, type sniffed from the bytes), kept here keyed
 * by reseller and base so retention can delete them: `content` becomes null and `purgedAt` is set.
 */
export const attachments = supportSchema.table(
  'attachments',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    messageId: bigint('message_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.messageId], foreignColumns: [messages.resellerId, messages.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.resellerId, t.ticketId], foreignColumns: [tickets.resellerId, tickets.id] }).onDelete('cascade'),
    index('attachments_ticket_idx').on(t.resellerId, t.ticketId),
    index('attachments_clinic_idx').on(t.resellerId, t.clinicId, t.createdAt),
    ...tenantPolicies('attachments'),
    pgPolicy('attachments_support_read', { for: 'select', using: supportChild('attachments') }),
    pgPolicy('attachments_support_insert', { for: 'insert', withCheck: supportChild('attachments') }),
  ],
);

/** Bug and improvement cards of the singular's IT team, one per ticket of those categories. */
export const cards = supportSchema.table(
  'cards',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    ticketId: bigint('ticket_id', { mode: 'number' }).notNull(),
    column: text('column').$type<BoardColumn>().notNull().default('novo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
    movedByName: text('moved_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    foreignKey({ columns: [t.resellerId, t.ticketId], foreignColumns: [tickets.resellerId, tickets.id] }).onDelete('cascade'),
    uniqueIndex('cards_ticket_unique').on(t.resellerId, t.ticketId),
    index('cards_column_idx').on(t.resellerId, t.column),
    ...tenantPolicies('cards'),
  ],
);

/** Plugin bookkeeping (e.g. "demo data seeded"): platform only, not tenant data. */
export const pluginState = supportSchema.table(
  'plugin_state',
  {
    key: text('key').primaryKey(),
    value: text('value').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  () => [pgPolicy('plugin_state_platform', { for: 'all', using: platformOnly, withCheck: platformOnly })],
);
