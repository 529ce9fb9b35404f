import { sql } from 'drizzle-orm';
import { bigint, bigserial, customType, index, integer, pgPolicy, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';
import { resellers } from './tenancy.ts';

const citext = customType<{ data: string }>({ dataType: () => 'citext' });

/** `migration_team`: the vendor's data-migration team ("equipe de migração"), a platform role like support. */
export const userKinds = ['platform_admin', 'support_agent', 'migration_team', 'reseller_admin', 'clinic_user'] as const;
export type UserKind = (typeof userKinds)[number];
export const userStatuses = ['active', 'invited', 'inactive'] as const;
export type UserStatus = (typeof userStatuses)[number];

/**
 * People who log in. Identity is global (a doctor can work for clinics of two singulares), so this
 * table is keyed by user id; what a user may reach is decided by memberships, which carry the
 * tenant key. `resellerId` is set only for reseller admins (the reseller they administer).
 */
export const users = pgTable(
  'users',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: citext('email').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: userKinds }).notNull(),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    resellerId: bigint('reseller_id', { mode: 'number' }).references(() => resellers.id),
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_reseller_idx').on(t.resellerId),
    pgPolicy('users_read', {
      for: 'select',
      using: sql.raw(
        `app_scope() in ('platform', 'auth') or id = app_user_id() or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or exists (select 1 from memberships m where m.user_id = users.id)`,
      ),
    }),
    pgPolicy('users_insert', { for: 'insert', withCheck: rls.anyScope }),
    pgPolicy('users_update', {
      for: 'update',
      using: sql.raw(
        `app_scope() in ('platform', 'auth') or id = app_user_id() or (app_scope() = 'reseller' and reseller_id = app_reseller_id()) or exists (select 1 from memberships m where m.user_id = users.id)`,
      ),
      withCheck: rls.anyScope,
    }),
  ],
);

/** Lucia-style sessions: the id is the SHA-256 (hex) of the random token; the token itself is never stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    activeResellerId: bigint('active_reseller_id', { mode: 'number' }),
    activeClinicId: bigint('active_clinic_id', { mode: 'number' }),
    flash: text('flash'),
  },
  (t) => [
    index('sessions_user_idx').on(t.userId),
    pgPolicy('sessions_access', {
      for: 'all',
      using: sql.raw(`app_scope() in ('auth', 'platform') or user_id = app_user_id()`),
      withCheck: sql.raw(`app_scope() in ('auth', 'platform') or user_id = app_user_id()`),
    }),
  ],
);

/** Failed-login counters per account and per IP (key = "email:<e-mail>" or "ip:<address>"). */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  () => [pgPolicy('login_throttle_auth', { for: 'all', using: rls.scopeIn('auth'), withCheck: rls.scopeIn('auth') })],
);
