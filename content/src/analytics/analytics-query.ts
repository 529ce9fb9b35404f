import { type Database, type Db, schema as core } from '@painel/core/module';
import { type SQL, sql } from 'drizzle-orm';
import { progress, publications, publicationTargets } from '../db/schema.ts';
import { achievementKeys } from '../panel/achievement-keys.ts';
import { progressTrackId, type TrackRef } from '../tracks/track-ref.ts';
import type { ParsedTrack } from '../validation/index.ts';

/** One task of the analysed version, in panel order. */
export interface AnalysedTask {
  ord: number;
  achievement: string;
  achievementKey: string;
  title: string;
  key: string;
  doneByDefault: boolean;
}

export interface TaskStat extends AnalysedTask {
  /** Users (per base) who completed this task, in any order. */
  completed: number;
  /** Users (per base) who completed every task up to and including this one: the drop-off curve. */
  reachedInOrder: number;
}

export interface BaseStat {
  clinicId: number;
  name: string;
  users: number;
  /** Users who completed every task. */
  finished: number;
  doneTasks: number;
}

export interface TrackAnalytics {
  /** Users counted once per base where the track is live (progress is per user and base). */
  population: number;
  finished: number;
  tasks: TaskStat[];
  bases: BaseStat[];
}

export function analysedTasks(track: ParsedTrack): AnalysedTask[] {
  const keys = achievementKeys(track);
  const tasks: AnalysedTask[] = [];
  track.achievements.forEach((a, i) => {
    for (const t of a.tasks) {
      tasks.push({
        ord: tasks.length + 1,
        achievement: a.description,
        achievementKey: keys[i]!,
        title: t.title,
        key: t.key,
        doneByDefault: t.doneByDefault,
      });
    }
  });
  return tasks;
}

/**
 * Completion of a track's tasks in a reseller's bases, computed in SQL (a reseller can have
 * hundreds of thousands of user-base pairs): every active clinic user of every active base where
 * the track is live, crossed with the tasks, with stored progress overriding `efetuada`.
 */
export async function trackAnalytics(
  db: Database,
  tx: Db,
  input: { resellerId: number; ref: TrackRef; track: ParsedTrack },
): Promise<TrackAnalytics> {
  const tasks = analysedTasks(input.track);
  if (tasks.length === 0) return { population: 0, finished: 0, tasks: [], bases: [] };
  const n = tasks.length;
  const trackId = progressTrackId(input.ref);
  const live: SQL =
    input.ref.owner === 'platform'
      ? sql`true`
      : sql`(select p.version from ${publications} p
            where p.reseller_id = c.reseller_id and p.track_id = ${input.ref.trackId}
              and (p.all_bases or exists (select 1 from ${publicationTargets} pt
                where pt.reseller_id = p.reseller_id and pt.publication_id = p.id and pt.clinic_id = c.id))
            order by p.id desc limit 1) is not null`;
  const values = sql.join(
    tasks.map((t) => sql`(${t.ord}::int, ${t.achievementKey}::text, ${t.key}::text, ${t.doneByDefault}::boolean)`),
    sql`, `,
  );
  const cte = sql`with pop as (
      select m.user_id, m.clinic_id
      from ${core.memberships} m
      join ${core.users} u on u.id = m.user_id and u.kind = 'clinic_user' and u.status = 'active'
      join ${core.clinics} c on c.reseller_id = m.reseller_id and c.id = m.clinic_id and c.status = 'active'
      where m.reseller_id = ${input.resellerId} and ${live}
    ),
    tasks (ord, ak, tk, dflt) as (values ${values}),
    cells as (
      select pop.user_id, pop.clinic_id, t.ord, coalesce(pr.done, t.dflt) as done
      from pop cross join tasks t
      left join ${progress} pr on pr.reseller_id = ${input.resellerId} and pr.clinic_id = pop.clinic_id
        and pr.user_id = pop.user_id and pr.track_id = ${trackId} and pr.achievement_key = t.ak and pr.task_key = t.tk
    ),
    per_pair as (
      select user_id, clinic_id, count(*) filter (where done)::int as done_count,
        coalesce(min(ord) filter (where not done), ${n + 1}::int) - 1 as prefix
      from cells group by user_id, clinic_id
    )`;
  const perTask = await db.query<{ ord: number; completed: number }>(
    tx,
    sql`${cte} select ord, count(*) filter (where done)::int as completed from cells group by ord`,
  );
  const prefixes = await db.query<{ prefix: number; users: number }>(
    tx,
    sql`${cte} select prefix::int as prefix, count(*)::int as users from per_pair group by prefix`,
  );
  const perBase = await db.query<{ clinic_id: string | number; name: string; users: number; finished: number; done_tasks: number }>(
    tx,
    sql`${cte} select pp.clinic_id, c.name, count(*)::int as users,
        count(*) filter (where pp.done_count = ${n})::int as finished, sum(pp.done_count)::int as done_tasks
      from per_pair pp join ${core.clinics} c on c.reseller_id = ${input.resellerId} and c.id = pp.clinic_id
      group by pp.clinic_id, c.name order by c.name`,
  );
  const completedByOrd = new Map(perTask.map((r) => [Number(r.ord), Number(r.completed)]));
  const population = prefixes.reduce((s, r) => s + Number(r.users), 0);
  const reached = (ord: number) => prefixes.filter((r) => Number(r.prefix) >= ord).reduce((s, r) => s + Number(r.users), 0);
  return {
    population,
    finished: reached(n),
    tasks: tasks.map((t) => ({ ...t, completed: completedByOrd.get(t.ord) ?? 0, reachedInOrder: reached(t.ord) })),
    bases: perBase.map((b) => ({
      clinicId: Number(b.clinic_id),
      name: b.name,
      users: Number(b.users),
      finished: Number(b.finished),
      doneTasks: Number(b.done_tasks),
    })),
  };
}
