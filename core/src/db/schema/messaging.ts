import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';
import { users } from './identity.ts';

/** In-app notifications; `emailedAt` lets a real mailer drain them later. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    resellerId: bigint('reseller_id', { mode: 'number' }),
    clinicId: bigint('clinic_id', { mode: 'number' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    pgPolicy('notifications_own_read', {
      for: 'select',
      using: sql.raw(`app_scope() = 'platform' or user_id = app_user_id()`),
    }),
    pgPolicy('notifications_own_update', {
      for: 'update',
      using: sql.raw(`app_scope() = 'platform' or user_id = app_user_id()`),
      withCheck: sql.raw(`app_scope() = 'platform' or user_id = app_user_id()`),
    }),
    pgPolicy('notifications_insert', { for: 'insert', withCheck: rls.anyScope }),
  ],
);

/** Outgoing e-mail waiting for a mailer (invitations, notices). Nothing here is sent by the app itself. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  () => [
    pgPolicy('mail_outbox_read', { for: 'select', using: rls.scopeIn('platform') }),
    pgPolicy('mail_outbox_insert', { for: 'insert', withCheck: rls.anyScope }),
  ],
);
