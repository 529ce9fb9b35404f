import { sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAtId: number; reason: 'hash' | 'link' };

/**
 * Walks the audit log in id order, recomputing each row's hash and checking that it points at the
 * previous row's hash. Reports the first broken row. Reads in batches (tens of millions of rows).
 */
export async function verifyAuditChain(db: Database, batchSize = 5000): Promise<ChainReport> {
  let previousHash = '0'.repeat(64);
  let afterId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ id: string | number; prev_hash: string; hash: string; expected: string }>(
        tx,
        sql`select id, prev_hash, hash,
              audit_row_hash(prev_hash, id, at, actor_user_id, actor_email, acting_for, reseller_id, clinic_id,
                             action, target, outcome, ip, request_id, details) as expected
            from audit_log where id > ${afterId} order by id limit ${batchSize}`,
      ),
    );
    for (const row of batch) {
      const id = Number(row.id);
      if (row.prev_hash !== previousHash) return { ok: false, rows, brokenAtId: id, reason: 'link' };
      if (row.hash !== row.expected) return { ok: false, rows, brokenAtId: id, reason: 'hash' };
      previousHash = row.hash;
      afterId = id;
      rows++;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
