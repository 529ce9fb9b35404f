import { and, eq, inArray, lte, lt, or, sql } from 'drizzle-orm';
import { jobs, jobSchedules, type JobRow } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';

/**
 * The queue's statements, each one round trip in the caller's platform-scope transaction. Every write
 * of a running attempt is fenced by its lease token: once another instance took the job over (new
 * token), the old attempt's progress, heartbeat and finish change nothing.
 */
export const jobStore = {
  insert: (tx: Db, row: typeof jobs.$inferInsert) => tx.insert(jobs).values(row),

  get: async (tx: Db, id: string, owner?: string): Promise<JobRow | null> => {
    const where = owner === undefined ? eq(jobs.id, id) : and(eq(jobs.id, id), eq(jobs.owner, owner));
    const [row] = await tx.select().from(jobs).where(where);
    return row ?? null;
  },

  /**
   * Ends attempts whose lease ran out with no attempts left (the instance died): failed, with a clear
   * message; or cancelled when a cancel was pending. Returns how many.
   */
  failAbandoned: async (tx: Db, now: Date, crashed: string, cancelled: string): Promise<number> => {
    const rows = await tx
      .update(jobs)
      .set({
        state: sql`case when ${jobs.cancelRequested} then 'cancelled' else 'failed' end`,
        error: sql`case when ${jobs.cancelRequested} then null else ${crashed} end`,
        message: sql`case when ${jobs.cancelRequested} then ${cancelled} else ${jobs.message} end`,
        finishedAt: now,
        leaseToken: null,
        leaseUntil: null,
      })
      .where(
        and(
          eq(jobs.state, 'running'),
          lt(jobs.leaseUntil, now),
          or(sql`${jobs.attempts} >= ${jobs.maxAttempts}`, eq(jobs.cancelRequested, true)),
        ),
      )
      .returning({ id: jobs.id });
    return rows.length;
  },

  /**
   * Claims one runnable job of the given kinds (`owner:kind`): queued and due, or running with an
   * expired lease (its instance died; attempts left). SKIP LOCKED: two instances never claim the same
   * row, and neither waits for the other.
   */
  claim: async (tx: Db, kinds: string[], now: Date, leaseMs: number, token: string, worker: string): Promise<JobRow | null> => {
    if (kinds.length === 0) return null;
    const [row] = await tx.execute<{ id: string }>(sql`
      select id from ${jobs}
      where (owner || ':' || kind) in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
        and ((state = 'queued' and run_after <= ${now.toISOString()}::timestamptz)
          or (state = 'running' and lease_until < ${now.toISOString()}::timestamptz and attempts < max_attempts and not cancel_requested))
      order by run_after, created_at
      limit 1
      for update skip locked`).then((r) => (Array.isArray(r) ? r : ((r as { rows: { id: string }[] }).rows ?? [])));
    if (!row) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        leaseToken: token,
        leaseUntil: new Date(now.getTime() + leaseMs),
        heartbeatAt: now,
        worker,
        startedAt: now,
        finishedAt: null,
      })
      .where(eq(jobs.id, row.id))
      .returning();
    return claimed ?? null;
  },

  /** Renews the lease; null when it was lost, else whether a cancel is pending. */
  heartbeat: async (tx: Db, id: string, token: string, now: Date, leaseMs: number): Promise<{ cancelRequested: boolean } | null> => {
    const [row] = await tx
      .update(jobs)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs), heartbeatAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.leaseToken, token), eq(jobs.state, 'running')))
      .returning({ cancelRequested: jobs.cancelRequested });
    return row ?? null;
  },

  progress: async (
    tx: Db,
    id: string,
    token: string,
    now: Date,
    leaseMs: number,
    percent: number,
    message: string | null,
  ): Promise<{ cancelRequested: boolean } | null> => {
    const [row] = await tx
      .update(jobs)
      .set({ percent, message, leaseUntil: new Date(now.getTime() + leaseMs), heartbeatAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.leaseToken, token), eq(jobs.state, 'running')))
      .returning({ cancelRequested: jobs.cancelRequested });
    return row ?? null;
  },

  /** Ends the attempt (fenced); false when the lease was lost meanwhile. */
  finish: async (
    tx: Db,
    id: string,
    token: string,
    set: Partial<typeof jobs.$inferInsert> & { state: JobRow['state'] },
  ): Promise<boolean> => {
    const rows = await tx
      .update(jobs)
      .set({ ...set, leaseToken: null, leaseUntil: null })
      .where(and(eq(jobs.id, id), eq(jobs.leaseToken, token), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  },

  /** Cancels a queued job now, flags a running one; returns the state after, or null if finished/unknown. */
  cancel: async (tx: Db, id: string, owner: string | undefined, now: Date, cancelled: string, requested: string) => {
    const [row] = await tx
      .update(jobs)
      .set({
        cancelRequested: true,
        state: sql`case when ${jobs.state} = 'queued' then 'cancelled' else ${jobs.state} end`,
        finishedAt: sql`case when ${jobs.state} = 'queued' then ${now.toISOString()}::timestamptz else ${jobs.finishedAt} end`,
        message: sql`case when ${jobs.state} = 'queued' then ${cancelled} else ${requested} end`,
      })
      .where(and(eq(jobs.id, id), inArray(jobs.state, ['queued', 'running']), owner === undefined ? undefined : eq(jobs.owner, owner)))
      .returning({ state: jobs.state });
    return row?.state ?? null;
  },

  /**
   * Moves a due schedule forward and tells whether this caller won the slot. A schedule whose previous
   * run is still queued or running waits (no pile-up of runs).
   */
  claimSchedule: async (tx: Db, owner: string, kind: string, now: Date, first: Date, next: Date): Promise<boolean> => {
    await tx.insert(jobSchedules).values({ owner, kind, nextRunAt: first }).onConflictDoNothing();
    const rows = await tx
      .update(jobSchedules)
      .set({ nextRunAt: next })
      .where(
        and(
          eq(jobSchedules.owner, owner),
          eq(jobSchedules.kind, kind),
          lte(jobSchedules.nextRunAt, now),
          sql`not exists (select 1 from ${jobs} j where j.owner = ${owner} and j.kind = ${kind} and j.state in ('queued', 'running'))`,
        ),
      )
      .returning({ owner: jobSchedules.owner });
    return rows.length > 0;
  },

  /** Deletes finished jobs older than `before`; returns how many. */
  deleteFinishedBefore: async (tx: Db, before: Date): Promise<number> => {
    const rows = await tx
      .delete(jobs)
      .where(and(inArray(jobs.state, ['succeeded', 'failed', 'cancelled']), lt(jobs.finishedAt, before)))
      .returning({ id: jobs.id });
    return rows.length;
  },
};
