import { type Db, schema as core } from '@painel/core/module';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { type BookingStatus, bookingRequests } from '../db/schema.ts';
import type { BookingSummary } from './booking-labels.ts';

export interface BookingOwner {
  resellerId: number;
  clinicId: number;
  userId: number;
}

export interface BookingRow {
  resellerId: number;
  id: number;
  clinicId: number;
  userId: number;
  preferredSlots: string[];
  note: string | null;
  status: BookingStatus;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string | null;
}

export async function insertBooking(
  tx: Db,
  owner: BookingOwner,
  input: { slots: Date[]; note: string | null; at: Date },
): Promise<number> {
  const [row] = await tx
    .insert(bookingRequests)
    .values({
      ...owner,
      preferredSlots: input.slots.map((s) => s.toISOString()),
      note: input.note,
      status: 'novo',
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning({ id: bookingRequests.id });
  return row!.id;
}

/** The user's requests in one base, newest first. */
export async function userBookings(tx: Db, owner: BookingOwner): Promise<BookingRow[]> {
  return tx
    .select()
    .from(bookingRequests)
    .where(
      and(
        eq(bookingRequests.resellerId, owner.resellerId),
        eq(bookingRequests.clinicId, owner.clinicId),
        eq(bookingRequests.userId, owner.userId),
      ),
    )
    .orderBy(desc(bookingRequests.id));
}

export async function latestBooking(tx: Db, owner: BookingOwner): Promise<BookingSummary | null> {
  const [row] = await userBookings(tx, owner);
  return row ? { id: row.id, status: row.status, createdAt: row.createdAt } : null;
}

export interface BookingListItem extends BookingRow {
  clinicName: string;
  resellerName: string;
  userName: string;
  userEmail: string;
}

/** Requests customer success and reseller admins follow (RLS limits a reseller admin to its bases). */
export async function listBookings(
  tx: Db,
  filter: { resellerId?: number | undefined; status?: BookingStatus | undefined; page: number; pageSize: number },
): Promise<{ items: BookingListItem[]; hasNext: boolean }> {
  const conditions: (SQL | undefined)[] = [
    filter.resellerId === undefined ? undefined : eq(bookingRequests.resellerId, filter.resellerId),
    filter.status === undefined ? undefined : eq(bookingRequests.status, filter.status),
  ];
  const rows = await tx
    .select({
      resellerId: bookingRequests.resellerId,
      id: bookingRequests.id,
      clinicId: bookingRequests.clinicId,
      userId: bookingRequests.userId,
      preferredSlots: bookingRequests.preferredSlots,
      note: bookingRequests.note,
      status: bookingRequests.status,
      createdAt: bookingRequests.createdAt,
      updatedAt: bookingRequests.updatedAt,
      updatedByName: bookingRequests.updatedByName,
      clinicName: core.clinics.name,
      resellerName: core.resellers.name,
      userName: core.users.name,
      userEmail: core.users.email,
    })
    .from(bookingRequests)
    .innerJoin(core.clinics, and(eq(core.clinics.resellerId, bookingRequests.resellerId), eq(core.clinics.id, bookingRequests.clinicId)))
    .innerJoin(core.resellers, eq(core.resellers.id, bookingRequests.resellerId))
    .innerJoin(core.users, eq(core.users.id, bookingRequests.userId))
    .where(and(...conditions))
    .orderBy(desc(bookingRequests.createdAt), desc(bookingRequests.id))
    .limit(filter.pageSize + 1)
    .offset((filter.page - 1) * filter.pageSize);
  return { items: rows.slice(0, filter.pageSize), hasNext: rows.length > filter.pageSize };
}

export async function countNewBookings(tx: Db, resellerId?: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(bookingRequests)
    .where(and(eq(bookingRequests.status, 'novo'), resellerId === undefined ? undefined : eq(bookingRequests.resellerId, resellerId)));
  return Number(row?.n ?? 0);
}

/** Changes a request's status; returns the previous one, or null when the request is not visible. */
export async function updateBookingStatus(
  tx: Db,
  key: { resellerId: number; id: number },
  status: BookingStatus,
  by: string,
  at: Date,
): Promise<{ before: BookingStatus; clinicId: number; userId: number } | null> {
  const [current] = await tx
    .select({ status: bookingRequests.status, clinicId: bookingRequests.clinicId, userId: bookingRequests.userId })
    .from(bookingRequests)
    .where(and(eq(bookingRequests.resellerId, key.resellerId), eq(bookingRequests.id, key.id)))
    .for('update');
  if (!current) return null;
  await tx
    .update(bookingRequests)
    .set({ status, updatedAt: at, updatedByName: by })
    .where(and(eq(bookingRequests.resellerId, key.resellerId), eq(bookingRequests.id, key.id)));
  return { before: current.status, clinicId: current.clinicId, userId: current.userId };
}
