import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  foreignKey,
  index,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';
import { users } from './identity.ts';

export const tenantStatuses = ['active', 'inactive'] as const;
export type TenantStatus = (typeof tenantStatuses)[number];

/** A singular (Unimed cooperative): the tenant root. `code` is the "id reseller". */
export const resellers = pgTable(
  'resellers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    status: text('status', { enum: tenantStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pgPolicy('resellers_read', {
      for: 'select',
      using: sql.raw(
        `app_can_see_reseller(id) or app_scope() = 'auth' or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = resellers.id)`,
      ),
    }),
    pgPolicy('resellers_write', { for: 'insert', withCheck: rls.scopeIn('platform') }),
    pgPolicy('resellers_update', { for: 'update', using: rls.scopeIn('platform'), withCheck: rls.scopeIn('platform') }),
    index('resellers_name_idx').on(t.name),
  ],
);

/**
 * A base clínica. `id` is the numeric base id shown everywhere ("id da base"). The reseller key leads
 * the primary key so the table can be distributed by reseller (Citus); `id` alone is also unique.
 */
export const clinics = pgTable(
  'clinics',
  {
    resellerId: bigint('reseller_id', { mode: 'number' })
      .notNull()
      .references(() => resellers.id),
    id: bigint('id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    cnpj: text('cnpj'),
    city: text('city'),
    uf: text('uf'),
    status: text('status', { enum: tenantStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.id] }),
    unique('clinics_base_id_unique').on(t.id),
    index('clinics_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('clinics_reseller_name_idx').on(t.resellerId, t.name),
    pgPolicy('clinics_read', {
      for: 'select',
      using: sql.raw(
        `app_can_see_clinic(reseller_id, id) or app_scope() = 'auth' or exists (select 1 from memberships m where m.user_id = app_user_id() and m.reseller_id = clinics.reseller_id and m.clinic_id = clinics.id)`,
      ),
    }),
    pgPolicy('clinics_insert', { for: 'insert', withCheck: rls.clinic('reseller_id', 'id') }),
    pgPolicy('clinics_update', {
      for: 'update',
      using: rls.clinic('reseller_id', 'id'),
      withCheck: rls.clinic('reseller_id', 'id'),
    }),
  ],
);

export const membershipRoles = ['gestor', 'medico', 'secretaria', 'financeiro'] as const;
export type MembershipRole = (typeof membershipRoles)[number];
/** Roles that may open EHR (prontuário) screens. */
export const clinicalRoles: readonly MembershipRole[] = ['medico'];

/** A user's access to one clinic with one role (vínculo). */
export const memberships = pgTable(
  'memberships',
  {
    resellerId: bigint('reseller_id', { mode: 'number' }).notNull(),
    clinicId: bigint('clinic_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: membershipRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.clinicId, t.userId] }),
    foreignKey({ columns: [t.resellerId, t.clinicId], foreignColumns: [clinics.resellerId, clinics.id] }),
    index('memberships_user_idx').on(t.userId),
    pgPolicy('memberships_read', {
      for: 'select',
      using: sql.raw(`app_can_see_clinic(reseller_id, clinic_id) or app_scope() = 'auth' or user_id = app_user_id()`),
    }),
    pgPolicy('memberships_write', {
      for: 'all',
      using: rls.clinic('reseller_id', 'clinic_id'),
      withCheck: rls.clinic('reseller_id', 'clinic_id'),
    }),
  ],
);
