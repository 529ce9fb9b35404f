import { eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { loginThrottle } from '../db/schema/index.ts';
import type { Database } from '../db/types.ts';

/**
 * One counter's rule: `free` attempts inside the window, then a delay of `firstDelayMs` that doubles
 * with every further attempt, up to `maxDelayMs`. The count starts again `windowMs` after its first
 * attempt, or after a successful login.
 */
export interface ThrottleRule {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
}

export interface ThrottleRules {
  /** One account from one client address: one person's typos. */
  accountAtIp: ThrottleRule;
  /** One account from any address: guessing spread over many addresses. */
  account: ThrottleRule;
  /** One address over all accounts: only a high ceiling, since a clinic's NAT or a proxy is many people. */
  ip: ThrottleRule;
}

const minute = 60_000;
const hour = 60 * minute;

export const defaultThrottleRules: ThrottleRules = {
  accountAtIp: { free: 5, firstDelayMs: minute, maxDelayMs: hour, windowMs: 24 * hour },
  account: { free: 10, firstDelayMs: minute, maxDelayMs: hour, windowMs: 24 * hour },
  ip: { free: 300, firstDelayMs: hour, maxDelayMs: hour, windowMs: hour },
};

export type ThrottleKind = keyof ThrottleRules;
export interface ThrottleKey {
  key: string;
  kind: ThrottleKind;
}

export type Admission = { allowed: true } | { allowed: false; retryAt: Date };

/** The delay after the `count`-th attempt of a window (0 while attempts are still free). */
export function delayAfter(rule: ThrottleRule, count: number): number {
  if (count < rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(count - rule.free, 30));
}

/**
 * Login attempts counted in Postgres (shared by every app instance). An attempt is counted *before*
 * the password is checked, in one transaction that locks the counters (`select … for update`), so
 * parallel attempts cannot all slip past the check; a successful login takes its attempt back.
 */
export class LoginThrottle {
  static readonly defaultRules = defaultThrottleRules;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly rules: ThrottleRules = defaultThrottleRules,
  ) {}

  static keys(email: string, ip: string | null): ThrottleKey[] {
    const account = email.trim().toLowerCase();
    const keys: ThrottleKey[] = [
      { key: `email:${account}`, kind: 'account' },
      { key: `email+ip:${account}|${ip ?? 'desconhecido'}`, kind: 'accountAtIp' },
    ];
    if (ip) keys.push({ key: `ip:${ip}`, kind: 'ip' });
    return keys;
  }

  /** Counts one attempt on every key, or none when a key is waiting out its delay (then: until when). */
  async admit(keys: ThrottleKey[]): Promise<Admission> {
    const now = this.clock.now();
    const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const names = ordered.map((k) => k.key);
    return this.db.scoped({ kind: 'auth' }, async (tx) => {
      await tx
        .insert(loginThrottle)
        .values(names.map((key) => ({ key, failures: 0, windowStartedAt: now, lockedUntil: null })))
        .onConflictDoNothing();
      const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, names)).orderBy(loginThrottle.key).for('update');
      const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
      if (locks.length > 0) return { allowed: false, retryAt: new Date(Math.max(...locks.map((d) => d.getTime()))) };
      for (const { key, kind } of ordered) {
        const rule = this.rules[kind];
        const row = rows.find((r) => r.key === key);
        const fresh = !row || now.getTime() - row.windowStartedAt.getTime() >= rule.windowMs;
        const failures = (fresh ? 0 : row.failures) + 1;
        const delay = delayAfter(rule, failures);
        await tx
          .update(loginThrottle)
          .set({ failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil: delay ? new Date(now.getTime() + delay) : null })
          .where(eq(loginThrottle.key, key));
      }
      return { allowed: true };
    });
  }

  /** A successful login clears the account's counters and takes its attempt back from the address's. */
  async succeeded(keys: ThrottleKey[]): Promise<void> {
    const accountKeys = keys.filter((k) => k.kind !== 'ip').map((k) => k.key);
    const ipKeys = keys.filter((k) => k.kind === 'ip').map((k) => k.key);
    const free = this.rules.ip.free;
    await this.db.scoped({ kind: 'auth' }, async (tx) => {
      if (accountKeys.length) await tx.delete(loginThrottle).where(inArray(loginThrottle.key, accountKeys));
      if (ipKeys.length) {
        await tx
          .update(loginThrottle)
          .set({
            failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
            lockedUntil: sql`case when ${loginThrottle.failures} - 1 < ${free} then null else ${loginThrottle.lockedUntil} end`,
          })
          .where(inArray(loginThrottle.key, ipKeys));
      }
    });
  }
}
