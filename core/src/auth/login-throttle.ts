import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import { loginThrottle } from '../db/schema/index.ts';
import type { Database } from '../db/types.ts';

export interface ThrottleRules {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const defaultThrottleRules: ThrottleRules = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Counts failed logins per account and per IP in Postgres (shared by every app instance). */
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly rules: ThrottleRules = defaultThrottleRules,
  ) {}

  static keys(email: string, ip: string | null): string[] {
    const keys = [`email:${email.trim().toLowerCase()}`];
    if (ip) keys.push(`ip:${ip}`);
    return keys;
  }

  /** When any key is locked, the instant it opens again. */
  async lockedUntil(keys: string[]): Promise<Date | null> {
    const now = this.clock.now();
    const rows = await this.db.scoped({ kind: 'auth' }, (tx) =>
      tx.select().from(loginThrottle).where(sql`${loginThrottle.key} in ${keys}`),
    );
    const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
    return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
  }

  async recordFailure(keys: string[]): Promise<void> {
    const now = this.clock.now();
    await this.db.scoped({ kind: 'auth' }, async (tx) => {
      for (const key of keys) {
        const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
        const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > this.rules.windowMs;
        const failures = fresh ? 1 : row.failures + 1;
        const lockedUntil = failures >= this.rules.maxFailures ? new Date(now.getTime() + this.rules.lockMs) : null;
        await tx
          .insert(loginThrottle)
          .values({ key, failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil })
          .onConflictDoUpdate({
            target: loginThrottle.key,
            set: { failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil },
          });
      }
    });
  }

  /** A successful login clears the account's counter (the IP's stays: it may be guessing many accounts). */
  async recordSuccess(email: string): Promise<void> {
    const key = `email:${email.trim().toLowerCase()}`;
    await this.db.scoped({ kind: 'auth' }, (tx) => tx.delete(loginThrottle).where(eq(loginThrottle.key, key)));
  }
}
