import { eq, type SQL, sql } from 'drizzle-orm';
import type { CoreServices } from '../app/services.ts';
import { dateOfEpochMs, epochMs } from '../db/raw-rows.ts';
import { sessions, type UserKind } from '../db/schema/index.ts';
import type { ActiveClinic, ActiveSupportGrant, Actor, Membership } from '../policy/actor.ts';
import type { Flash } from '../http/env.ts';
import { sessionIdFromToken } from './session-token.ts';
import type { SessionRecord, SessionUser } from './sessions.ts';

/**
 * Finds the support grant that lets a support agent into a clinic right now (installed by the
 * support-access module on its app's services); absent means support agents reach no clinic.
 */
export type SupportGrantLookup = (
  services: CoreServices,
  input: { userId: number; resellerId: number; clinicId: number },
) => Promise<ActiveSupportGrant | null>;

/** Refresh lastSeenAt at most once a minute, to keep writes off the hot path. */
const touchEveryMs = 60_000;

interface ActiveRow {
  resellerId: number;
  clinicId: number;
  name: string;
  resellerName: string;
}

export interface RequestActor {
  session: SessionRecord;
  actor: Actor;
  flash: Flash | null;
}

/**
 * The session behind a cookie token and the actor it yields — user, memberships, active base, support
 * grant — read in ONE statement (plus a write only when the session must be touched, ended or its
 * flash consumed). Runs in the caller's request transaction (auth scope). Null when the session is
 * missing, expired, idle too long, or its user is not active.
 */
export async function loadRequestActor(services: CoreServices, token: string): Promise<RequestActor | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const now = services.clock.now();
  const { sessionIdleMs } = services.config;
  const found = await services.db.scoped({ kind: 'auth' }, async (tx) => {
    const [raw] = await services.db.query<SessionRow>(tx, sessionStatement(id));
    if (!raw) return null;
    const row = { session: sessionOf(raw), user: userOf(raw) };
    const { session, user } = row;
    if (now >= session.expiresAt || now.getTime() >= session.lastSeenAt.getTime() + sessionIdleMs || user.status !== 'active') {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    const touch = now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs;
    if (touch || session.flash) {
      await tx
        .update(sessions)
        .set({ ...(touch ? { lastSeenAt: now } : {}), ...(session.flash ? { flash: null } : {}) })
        .where(eq(sessions.id, id));
      if (touch) session.lastSeenAt = now;
    }
    return { ...row, memberships: parseJson<Membership[]>(raw.memberships) ?? [], active: parseJson<ActiveRow>(raw.active) };
  });
  if (!found) return null;
  const { session, user: u, memberships } = found;
  const user: SessionUser = { id: u.id, email: u.email, name: u.name, kind: u.kind, resellerId: u.resellerId };
  const list: Membership[] = memberships.map(({ resellerId, clinicId, role, clinicName }) => ({ resellerId, clinicId, role, clinicName }));
  const actor: Actor = { user, sessionId: session.id, memberships: list, activeClinic: null, supportGrant: null };
  actor.activeClinic = await activeClinicOf(services, session, user, memberships as (Membership & { resellerName: string })[], found.active);
  if (actor.activeClinic?.via === 'support_grant') {
    const lookup = services.actorHooks.supportGrant;
    const grant = lookup ? await lookup(services, { userId: user.id, resellerId: actor.activeClinic.resellerId, clinicId: actor.activeClinic.clinicId }) : null;
    if (grant) actor.supportGrant = grant;
    else actor.activeClinic = null;
  }
  const flash = session.flash ? parseFlash(session.flash) : null;
  session.flash = null;
  return { session, actor, flash };
}

/** The base the actor works in: a membership (clinic users), or the session's choice checked per kind. */
async function activeClinicOf(
  services: CoreServices,
  session: SessionRecord,
  user: SessionUser,
  memberships: (Membership & { resellerName: string })[],
  active: ActiveRow | null,
): Promise<ActiveClinic | null> {
  const wanted = session.activeClinicId;
  if (user.kind === 'clinic_user') {
    const m = memberships.find((x) => x.clinicId === wanted) ?? memberships[0];
    return m ? { resellerId: m.resellerId, clinicId: m.clinicId, name: m.clinicName, resellerName: m.resellerName, via: 'membership' } : null;
  }
  if (wanted === null || !active || active.clinicId !== wanted) return null;
  const describe = (via: ActiveClinic['via']): ActiveClinic => ({ ...active, via });
  if (user.kind === 'reseller_admin') return user.resellerId !== null && active.resellerId === user.resellerId ? describe('reseller_admin') : null;
  if (session.activeResellerId === null || active.resellerId !== session.activeResellerId) return null;
  if (user.kind === 'platform_admin') return describe('platform_admin');
  return user.kind === 'support_agent' && services.actorHooks.supportGrant ? describe('support_grant') : null;
}

/**
 * The session behind `id` with its user, memberships and active base: one fixed statement (no query
 * builder on the path every request takes). Times come back as epoch milliseconds and ids as text, so
 * both drivers hand over the same values whatever their type parsers.
 */
function sessionStatement(id: string): SQL {
  return sql`select s.id, s.user_id::text as user_id, ${epochMs('s.created_at')} as created_at, ${epochMs('s.last_seen_at')} as last_seen_at,
      ${epochMs('s.expires_at')} as expires_at, s.ip, s.user_agent, s.active_reseller_id::text as active_reseller_id,
      s.active_clinic_id::text as active_clinic_id, s.flash,
      u.email::text as email, u.name, u.kind, u.status, u.reseller_id::text as reseller_id,
      coalesce((
        select json_agg(json_build_object('resellerId', m.reseller_id, 'clinicId', m.clinic_id, 'role', m.role, 'clinicName', c.name,
               'resellerName', r.name) order by c.name, m.clinic_id)
          from memberships m
          join clinics c on c.reseller_id = m.reseller_id and c.id = m.clinic_id
          join resellers r on r.id = m.reseller_id
         where m.user_id = u.id and c.status = 'active'), '[]'::json) as memberships,
      (select json_build_object('resellerId', c.reseller_id, 'clinicId', c.id, 'name', c.name, 'resellerName', r.name)
         from clinics c join resellers r on r.id = c.reseller_id
        where c.id = s.active_clinic_id and c.status = 'active') as active
    from sessions s join users u on u.id = s.user_id
   where s.id = ${id}
   limit 1`;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: number | string;
  last_seen_at: number | string;
  expires_at: number | string;
  ip: string | null;
  user_agent: string | null;
  active_reseller_id: string | null;
  active_clinic_id: string | null;
  flash: string | null;
  email: string;
  name: string;
  kind: UserKind;
  status: string;
  reseller_id: string | null;
  memberships: unknown;
  active: unknown;
}

const idOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

function sessionOf(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    userId: Number(r.user_id),
    createdAt: dateOfEpochMs(r.created_at),
    lastSeenAt: dateOfEpochMs(r.last_seen_at),
    expiresAt: dateOfEpochMs(r.expires_at),
    ip: r.ip,
    userAgent: r.user_agent,
    activeResellerId: idOrNull(r.active_reseller_id),
    activeClinicId: idOrNull(r.active_clinic_id),
    flash: r.flash,
  };
}

function userOf(r: SessionRow): SessionUser & { status: string } {
  return { id: Number(r.user_id), email: r.email, name: r.name, kind: r.kind, resellerId: idOrNull(r.reseller_id), status: r.status };
}

function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function parseFlash(raw: string): Flash | null {
  try {
    const value = JSON.parse(raw) as Flash;
    return typeof value.message === 'string' ? value : null;
  } catch {
    return null;
  }
}
