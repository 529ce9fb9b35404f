import type { Clock, Db } from '@painel/core/module';
import { sql } from 'drizzle-orm';

/**
 * Tells the row-level-security policies what "now" is for this transaction (the app's clock, which
 * tests move), so the database and the app agree on whether a grant is active. Transaction-local.
 */
export async function setClockNow(tx: Db, clock: Clock): Promise<void> {
  await tx.execute(sql`select set_config('app.clock_now', ${clock.now().toISOString()}, true)`);
}
