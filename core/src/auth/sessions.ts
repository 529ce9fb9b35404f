import { and, eq, gt, ne } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { sessions, type UserKind, users } from '../db/schema/index.ts';
import type { Database } from '../db/types.ts';
import { generateSessionToken, sessionIdFromToken } from './session-token.ts';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionRecord {
  id: string;
  userId: number;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  activeResellerId: number | null;
  activeClinicId: number | null;
  flash: string | null;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  kind: UserKind;
  resellerId: number | null;
}

/** Refresh lastSeenAt at most once a minute, to keep writes off the hot path. */
const touchEveryMs = 60_000;

/** Lucia-style session storage: create, validate (sliding idle + absolute expiry), invalidate. */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy,
  ) {}

  async create(
    userId: number,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; session: SessionRecord }> {
    const token = generateSessionToken();
    const now = this.clock.now();
    const row = {
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.policy.absoluteMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      activeResellerId: null,
      activeClinicId: null,
      flash: null,
    };
    await this.db.scoped({ kind: 'auth' }, (tx) => tx.insert(sessions).values(row));
    return { token, session: row };
  }

  /** The session and its (active) user, or null when missing, expired or idle too long. */
  async validate(token: string): Promise<{ session: SessionRecord; user: SessionUser } | null> {
    if (!/^[a-z2-7]{32}$/.test(token)) return null;
    const id = sessionIdFromToken(token);
    const now = this.clock.now();
    return this.db.scoped({ kind: 'auth' }, async (tx) => {
      const found = await tx
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, id))
        .limit(1);
      const row = found[0];
      if (!row) return null;
      const { session, user } = row;
      const idleDeadline = session.lastSeenAt.getTime() + this.policy.idleMs;
      if (now >= session.expiresAt || now.getTime() >= idleDeadline || user.status !== 'active') {
        await tx.delete(sessions).where(eq(sessions.id, id));
        return null;
      }
      if (now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs) {
        await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
        session.lastSeenAt = now;
      }
      return {
        session,
        user: { id: user.id, email: user.email, name: user.name, kind: user.kind, resellerId: user.resellerId },
      };
    });
  }

  async update(
    sessionId: string,
    patch: Partial<Pick<SessionRecord, 'activeResellerId' | 'activeClinicId' | 'flash'>>,
  ): Promise<void> {
    await this.db.scoped({ kind: 'auth' }, (tx) => tx.update(sessions).set(patch).where(eq(sessions.id, sessionId)));
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.db.scoped({ kind: 'auth' }, (tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
  }

  async invalidateAllOfUser(userId: number): Promise<number> {
    const gone = await this.db.scoped({ kind: 'auth' }, (tx) =>
      tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id }),
    );
    return gone.length;
  }

  async invalidateOthers(userId: number, keepSessionId: string): Promise<number> {
    const gone = await this.db.scoped({ kind: 'auth' }, (tx) =>
      tx
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
        .returning({ id: sessions.id }),
    );
    return gone.length;
  }

  /** Active sessions of a user (for "Minhas sessões"), newest first. */
  async listActive(userId: number): Promise<SessionRecord[]> {
    const now = this.clock.now();
    const rows = await this.db.scoped({ kind: 'auth' }, (tx) =>
      tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now))),
    );
    return rows
      .filter((s) => now.getTime() < s.lastSeenAt.getTime() + this.policy.idleMs)
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  }

  /** Ends a session of this user by its public handle (a prefix of the id is never shown in full). */
  async invalidateOwn(userId: number, sessionId: string): Promise<boolean> {
    const gone = await this.db.scoped({ kind: 'auth' }, (tx) =>
      tx
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
        .returning({ id: sessions.id }),
    );
    return gone.length > 0;
  }
}
