import { schema } from '@painel/core/module';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, foreignKey, index, pgPolicy, pgSchema, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';

/** The tenants module's own Postgres schema (its tables only; core's tables stay in `public`). */
export const tenantsSchema = pgSchema('tenants');

const { clinics, users, membershipRoles } = schema;

/**
 * An invitation to join a clinic base, or — with no base and no role — to become an administrator of
 * the singular (`reseller_id`; the invited account is then of kind reseller_admin): the link `/convite/<token>` is shown to the admin and queued in
 * core's mail_outbox; only the token's SHA-256 is stored. The reseller key leads the primary key and
 * every foreign key to a tenant table (Citus-ready).
 *
 * Row-level security: the clinic's people (its reseller admin, its active-base scope, platform) see and
 * write its invitations; core's `auth` scope may read and mark one as used, because the invitee opening
 * the link is not signed in yet and the token hash is the only credential (see invitations/accept.ts).
 */
export const invitations = tenantsSchema.table(
  'invitations',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    /** Null for an invitation to administer the singular itself. */
    clinicId: bigint('clinic_id', { mode: 'number' }),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    email: text('email').notNull(),
    /** The role in the base; null for an administrator of the singular. */
    role: text('role', { enum: membershipRoles }),
    tokenHash: text('token_hash').notNull(),
    invitedBy: bigint('invited_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    unique('invitations_token_hash_unique').on(t.tokenHash),
    check('invitations_base_has_role', sql`(${t.clinicId} is null) = (${t.role} is null)`),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [clinics.resellerId, clinics.id] }),
    index('invitations_clinic_idx').on(t.resellerId, t.clinicId, t.createdAt),
    index('invitations_user_idx').on(t.userId),
    pgPolicy('invitations_tenant', {
      for: 'all',
      using: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
      withCheck: sql.raw('app_can_see_clinic(reseller_id, clinic_id)'),
    }),
    pgPolicy('invitations_auth_read', { for: 'select', using: sql.raw(`app_scope() = 'auth'`) }),
    pgPolicy('invitations_auth_accept', {
      for: 'update',
      using: sql.raw(`app_scope() = 'auth'`),
      withCheck: sql.raw(`app_scope() = 'auth'`),
    }),
  ],
);

export type Invitation = typeof invitations.$inferSelect;
