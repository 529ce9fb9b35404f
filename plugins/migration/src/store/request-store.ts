/** Reads and writes of requests, their timeline and thread; row-level security decides what a `tx` sees. */
import type { Db } from '@painel/core/plugin';
import { and, asc, desc, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { events, legacySystems, messages, requests } from '../db/schema.ts';
import { deadlineOf, type Lifecycle } from '../domain/lifecycle.ts';
import type { RequestInput } from '../domain/request-form.ts';
import { goLiveDone } from '../domain/go-live.ts';
import { FINAL_STATES, isFinal, type State } from '../domain/states.ts';

export type RequestRow = typeof requests.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export interface Author {
  userId: number | null;
  name: string;
}

export async function findRequest(tx: Db, id: number): Promise<RequestRow | null> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).limit(1);
  return row ?? null;
}

export interface ListFilter {
  clinicId?: number | undefined;
  state?: State | undefined;
  openOnly?: boolean;
}

/** Requests in the caller's scope, the soonest deadline first, closed ones last. */
export async function listRequests(tx: Db, filter: ListFilter = {}): Promise<RequestRow[]> {
  const where = [
    filter.clinicId !== undefined ? eq(requests.clinicId, filter.clinicId) : undefined,
    filter.state ? eq(requests.state, filter.state) : undefined,
    filter.openOnly ? notInArray(requests.state, [...FINAL_STATES]) : undefined,
  ].filter((w) => w !== undefined);
  return tx
    .select()
    .from(requests)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(sql`${requests.dueAt} asc nulls last`, desc(requests.openedAt))
    .limit(500);
}

export function lifecycleOf(r: RequestRow): Lifecycle {
  return {
    state: r.state,
    stateSince: r.stateSince,
    validationRound: r.validationRound,
    dueAt: r.dueAt,
    dueSide: r.dueSide,
    extractionAt: r.extractionAt,
    slotRequest: r.slotRequest,
    backupReceivedAt: r.backupReceivedAt,
    feedback: r.feedback,
    finalAt: r.finalAt,
    finalExecutedAt: r.finalExecutedAt,
    closedAt: r.closedAt,
    cancelReason: r.cancelReason,
    checklistComplete: checklistComplete(r),
    goLiveComplete: goLiveDone(r.goLive),
  };
}

/** The IT checklist is answered: tables, password (given when needed) and link deadline (given when there is one). */
export function checklistComplete(r: RequestRow): boolean {
  if (r.allTablesSent === null || r.needsPassword === null || r.linkHasDeadline === null) return false;
  if (r.needsPassword && !r.passwordCipher) return false;
  if (r.linkHasDeadline && !r.linkDeadline) return false;
  return true;
}

export interface NewRequest {
  resellerId: number;
  clinicId: number;
  clinicName: string;
  resellerName: string;
  legacySystemName: string;
  input: RequestInput;
  author: Author;
  at: Date;
}

/** Inserts the request in 'solicitada' with its first deadline, and the first timeline entry. */
export async function createRequest(tx: Db, n: NewRequest): Promise<RequestRow> {
  const due = deadlineOf({
    state: 'solicitada',
    stateSince: n.at,
    validationRound: 0,
    extractionAt: null,
    slotRequest: null,
    backupReceivedAt: null,
    feedback: null,
    finalAt: null,
    finalExecutedAt: null,
    closedAt: null,
    cancelReason: null,
    checklistComplete: false,
    goLiveComplete: false,
  })!;
  const [row] = await tx
    .insert(requests)
    .values({
      resellerId: n.resellerId,
      clinicId: n.clinicId,
      clinicName: n.clinicName,
      resellerName: n.resellerName,
      openedByUserId: n.author.userId,
      openedByName: n.author.name,
      openedAt: n.at,
      updatedAt: n.at,
      state: 'solicitada',
      stateSince: n.at,
      dueAt: due.dueAt,
      dueSide: due.side,
      legacySystemId: n.input.legacySystemId,
      legacySystemName: n.legacySystemName,
      legacyVersion: n.input.legacyVersion,
      availability: n.input.availability,
      clinicContact: n.input.clinicContact,
      analystContact: n.input.analystContact,
      extractionMode: n.input.extractionMode,
      formats: n.input.formats,
      otherFormat: n.input.otherFormat,
      entities: n.input.entities,
    })
    .returning();
  await tx.insert(events).values({
    resellerId: row!.resellerId,
    requestId: row!.id,
    clinicId: row!.clinicId,
    action: 'solicitar',
    fromState: null,
    toState: 'solicitada',
    at: n.at,
    byUserId: n.author.userId,
    byName: n.author.name,
    dueAt: due.dueAt,
    dueSide: due.side,
  });
  return row!;
}

/** Stores the lifecycle after an action and its timeline entry (one transaction: the caller's). */
export async function saveLifecycle(tx: Db, r: RequestRow, next: Lifecycle, action: string, author: Author, at: Date, note: string | null): Promise<void> {
  const { checklistComplete: _ignored, ...fields } = next;
  // Closing erases the backup password (the database refuses a closed request that keeps one).
  const erase = isFinal(next.state) ? { passwordCipher: null, passwordHint: null } : {};
  await tx
    .update(requests)
    .set({ ...fields, ...erase, updatedAt: at })
    .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
  await tx.insert(events).values({
    resellerId: r.resellerId,
    requestId: r.id,
    clinicId: r.clinicId,
    action,
    fromState: r.state,
    toState: next.state,
    at,
    byUserId: author.userId,
    byName: author.name,
    note,
    dueAt: next.dueAt,
    dueSide: next.dueSide,
  });
}

export function timelineOf(tx: Db, r: RequestRow): Promise<EventRow[]> {
  return tx
    .select()
    .from(events)
    .where(and(eq(events.resellerId, r.resellerId), eq(events.requestId, r.id)))
    .orderBy(asc(events.at), asc(events.id));
}

export function threadOf(tx: Db, r: RequestRow): Promise<MessageRow[]> {
  return tx
    .select()
    .from(messages)
    .where(and(eq(messages.resellerId, r.resellerId), eq(messages.requestId, r.id)))
    .orderBy(asc(messages.at), asc(messages.id));
}

/** Adds a message to the thread; returns its id (its attachments point to it). */
export async function addMessage(tx: Db, r: RequestRow, author: Author, side: MessageRow['authorSide'], body: string, at: Date): Promise<number> {
  const [row] = await tx
    .insert(messages)
    .values({ resellerId: r.resellerId, requestId: r.id, clinicId: r.clinicId, authorUserId: author.userId, authorName: author.name, authorSide: side, body, at })
    .returning({ id: messages.id });
  return row!.id;
}

/** Everyone who took part in the request (opened it, acted on it, wrote in its thread): who is notified of a change. */
export async function participantsOf(tx: Db, r: RequestRow): Promise<number[]> {
  const acted = await tx
    .selectDistinct({ id: events.byUserId })
    .from(events)
    .where(and(eq(events.resellerId, r.resellerId), eq(events.requestId, r.id), isNotNull(events.byUserId)));
  const wrote = await tx
    .selectDistinct({ id: messages.authorUserId })
    .from(messages)
    .where(and(eq(messages.resellerId, r.resellerId), eq(messages.requestId, r.id), isNotNull(messages.authorUserId)));
  const ids = [r.openedByUserId, ...acted.map((a) => a.id), ...wrote.map((w) => w.id)].filter((id): id is number => id !== null);
  return [...new Set(ids)];
}

export function activeLegacySystems(tx: Db) {
  return tx.select().from(legacySystems).where(eq(legacySystems.active, true)).orderBy(asc(legacySystems.name));
}

export function allLegacySystems(tx: Db) {
  return tx.select().from(legacySystems).orderBy(asc(legacySystems.name));
}

export async function legacySystemName(tx: Db, id: number): Promise<string | null> {
  const [row] = await tx
    .select({ name: legacySystems.name })
    .from(legacySystems)
    .where(and(eq(legacySystems.id, id), eq(legacySystems.active, true)));
  return row?.name ?? null;
}

export async function requestsByIds(tx: Db, ids: number[]): Promise<RequestRow[]> {
  return ids.length === 0 ? [] : tx.select().from(requests).where(inArray(requests.id, ids));
}
