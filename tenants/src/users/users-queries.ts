import { type Db, type MembershipRole, schema, type UserKind } from '@painel/core/module';
import { and, asc, desc, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { invitations } from '../db/schema.ts';
import { containsPattern } from './like-pattern.ts';
import type { UserArea } from './user-area.ts';

const { clinics, memberships, users } = schema;

export const usersPageSize = 50;
export const userStatuses = ['active', 'invited', 'inactive'] as const;
export type UserStatus = (typeof userStatuses)[number];

export interface UserFilters {
  q: string;
  status: UserStatus | null;
  /** Base id (reseller admins only). */
  base: number | null;
  page: number;
}

export interface UserRow {
  id: number;
  name: string;
  email: string;
  kind: string;
  status: UserStatus;
  bases: { clinicId: number; clinicName: string; role: MembershipRole }[];
}

/** "Has a membership inside the area" (optionally in one base of it). */
function memberOfArea(tx: Db, area: UserArea, base: number | null): SQL {
  const inArea =
    area.kind === 'clinic'
      ? and(eq(memberships.resellerId, area.resellerId), eq(memberships.clinicId, area.clinicId))
      : and(eq(memberships.resellerId, area.resellerId), base === null ? undefined : eq(memberships.clinicId, base));
  return exists(
    tx
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.userId, users.id), inArea)),
  );
}

/** Who the area's admin may see and manage (never anyone else, whatever the row-level scope allows). */
export function userInArea(tx: Db, area: UserArea, base: number | null = null): SQL {
  const member = memberOfArea(tx, area, base);
  if (area.kind === 'clinic' || base !== null) return member;
  return or(and(eq(users.kind, 'reseller_admin'), eq(users.resellerId, area.resellerId)), member) as SQL;
}

/** Memberships inside the area, by user (for the list and the detail page). */
export async function areaMemberships(tx: Db, area: UserArea, userIds: number[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      userId: memberships.userId,
      resellerId: memberships.resellerId,
      clinicId: memberships.clinicId,
      role: memberships.role,
      clinicName: clinics.name,
      clinicStatus: clinics.status,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(clinics, and(eq(clinics.resellerId, memberships.resellerId), eq(clinics.id, memberships.clinicId)))
    .where(
      and(
        inArray(memberships.userId, userIds),
        eq(memberships.resellerId, area.resellerId),
        area.kind === 'clinic' ? eq(memberships.clinicId, area.clinicId) : undefined,
      ),
    )
    .orderBy(asc(clinics.name));
}

export async function listUsers(tx: Db, area: UserArea, filters: UserFilters): Promise<{ rows: UserRow[]; hasNext: boolean }> {
  const q = filters.q.trim();
  const where = and(
    userInArea(tx, area, area.kind === 'reseller' ? filters.base : null),
    q ? or(ilike(users.name, containsPattern(q)), ilike(users.email, containsPattern(q))) : undefined,
    filters.status ? eq(users.status, filters.status) : undefined,
  );
  const found = await tx
    .select({ id: users.id, name: users.name, email: users.email, kind: users.kind, status: users.status })
    .from(users)
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(usersPageSize + 1)
    .offset((filters.page - 1) * usersPageSize);
  const page = found.slice(0, usersPageSize);
  const bases = await areaMemberships(
    tx,
    area,
    page.map((u) => u.id),
  );
  return {
    hasNext: found.length > usersPageSize,
    rows: page.map((u) => ({
      ...u,
      bases: bases.filter((b) => b.userId === u.id).map(({ clinicId, clinicName, role }) => ({ clinicId, clinicName, role })),
    })),
  };
}

export interface ManagedUser {
  id: number;
  name: string;
  email: string;
  kind: UserKind;
  status: UserStatus;
  resellerId: number | null;
  hasPassword: boolean;
  createdAt: Date;
}

/** The user when the area covers them; null otherwise (the caller answers 404). */
export async function loadManagedUser(tx: Db, area: UserArea, userId: number): Promise<ManagedUser | null> {
  const [row] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      kind: users.kind,
      status: users.status,
      resellerId: users.resellerId,
      passwordHash: users.passwordHash,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), userInArea(tx, area)))
    .limit(1);
  if (!row) return null;
  const { passwordHash, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/** The newest invitation of this user inside the area (to show its state and offer a new link). */
export async function latestInvitation(tx: Db, area: UserArea, userId: number) {
  const [row] = await tx
    .select({
      clinicId: invitations.clinicId,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.userId, userId),
        eq(invitations.resellerId, area.resellerId),
        area.kind === 'clinic' ? eq(invitations.clinicId, area.clinicId) : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1);
  return row ?? null;
}
