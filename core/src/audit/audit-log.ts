import { sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Database, Db } from '../db/types.ts';

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'denied';
  actorUserId?: number | null | undefined;
  actorEmail?: string | null | undefined;
  /** When someone acts for another party (support inside a base, an admin for a clinic). */
  actingFor?: string | null | undefined;
  resellerId?: number | null | undefined;
  clinicId?: number | null | undefined;
  target?: string | null | undefined;
  ip?: string | null | undefined;
  requestId?: string | null | undefined;
  details?: Record<string, unknown> | null | undefined;
}

/** Appends to the hash-chained audit log through the database function `audit_append`. */
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Appends inside `tx` when given (so it commits or rolls back with the change), else on its own. */
  async append(entry: AuditEntry, tx?: Db): Promise<number> {
    const q = sql`select audit_append(
      ${this.clock.now().toISOString()}::timestamptz, ${entry.actorUserId ?? null}::bigint, ${entry.actorEmail ?? null},
      ${entry.actingFor ?? null}, ${entry.resellerId ?? null}::bigint, ${entry.clinicId ?? null}::bigint,
      ${entry.action}, ${entry.target ?? null}, ${entry.outcome ?? 'allowed'}, ${entry.ip ?? null},
      ${entry.requestId ?? null}, ${entry.details ? JSON.stringify(entry.details) : null}::jsonb) as id`;
    const run = async (t: Db) => Number((await this.db.query<{ id: string | number }>(t, q))[0]?.id);
    return tx ? run(tx) : this.db.scoped({ kind: 'auth' }, run);
  }
}
