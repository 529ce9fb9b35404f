import { type CoreServices, schema, type UserKind } from '@painel/core/module';
import { and, count, eq, ne, or } from 'drizzle-orm';
import type { UserArea } from './user-area.ts';

const { memberships, users } = schema;

export interface KnownUser {
  id: number;
  email: string;
  name: string;
  kind: UserKind;
  status: 'active' | 'invited' | 'inactive';
  hasPassword: boolean;
}

/**
 * Finds an account by e-mail across every singular. Identity is global (one doctor, several
 * singulares), so inviting or adding an existing e-mail must find it even when the admin's row-level
 * scope cannot see it; this runs in core's `auth` scope, the one meant for user lookup by e-mail,
 * and returns only what the invite flow needs.
 */
export async function findUserByEmail(services: CoreServices, email: string): Promise<KnownUser | null> {
  const [row] = await services.db.scoped({ kind: 'auth' }, (tx) =>
    tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        kind: users.kind,
        status: users.status,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(eq(users.email, email))
      .limit(1),
  );
  if (!row) return null;
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/**
 * How many memberships the user has outside the area. Deactivating an account is global, so an admin
 * may only do it when every membership of the user lies inside what they manage. Only a count leaves
 * this function: it needs the platform scope because the admin's own scope cannot see other tenants.
 */
export async function membershipsOutside(services: CoreServices, userId: number, area: UserArea): Promise<number> {
  const outside =
    area.kind === 'reseller'
      ? ne(memberships.resellerId, area.resellerId)
      : or(ne(memberships.resellerId, area.resellerId), ne(memberships.clinicId, area.clinicId));
  const [row] = await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), outside)),
  );
  return Number(row?.n ?? 0);
}
