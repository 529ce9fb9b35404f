import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { jobs as jobRows, resellerPlugins, resellers } from '../../db/schema/index.ts';
import { describeSchedule } from '../../jobs/schedule.ts';
import type { Database, Db } from '../../db/types.ts';
import { disabledCounts } from '../enablement.ts';
import type { HostedPlugin, PluginCatalogue } from '../hosted-plugin.ts';
import { type MigrationStatus, pluginMigrationStatus } from '../plugin-migrations.ts';

export interface JobView {
  name: string;
  /** pt-BR: "a cada 60 min", "todo dia às 02:00 (Brasília)". */
  frequency: string;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastStatus: 'running' | 'ok' | 'failed' | null;
  lastError: string | null;
  runs: number;
}

export interface PluginSummary {
  plugin: HostedPlugin;
  migrations: MigrationStatus | null;
  jobs: JobView[];
  resellersTotal: number;
  resellersDisabled: number;
}

/** Each plugin's migration status, read from the migrations tables (outside any request transaction). */
export async function loadMigrationStatuses(db: Database, host: PluginCatalogue): Promise<Map<string, MigrationStatus | null>> {
  const statuses = new Map<string, MigrationStatus | null>();
  for (const plugin of host.plugins) statuses.set(plugin.definition.id, await pluginMigrationStatus(db, plugin.definition));
  return statuses;
}

/** Everything else the plugins page shows, read in the platform admin's transaction. */
export async function loadPluginSummaries(
  tx: Db,
  host: PluginCatalogue,
  migrations: Map<string, MigrationStatus | null>,
): Promise<PluginSummary[]> {
  if (host.plugins.length === 0) return [];
  const [total] = await tx.select({ n: count() }).from(resellers);
  const disabled = await disabledCounts(tx);
  const runs = await lastRuns(tx);
  const summaries: PluginSummary[] = [];
  for (const plugin of host.plugins) {
    const id = plugin.definition.id;
    summaries.push({
      plugin,
      migrations: migrations.get(id) ?? null,
      jobs: plugin.declarations.jobs.map((job) => {
        const run = runs.find((r) => r.owner === id && r.kind === job.name);
        return {
          name: job.name,
          frequency: describeSchedule(job.schedule),
          lastStartedAt: run?.lastStartedAt ?? null,
          lastFinishedAt: run?.lastFinishedAt ?? null,
          lastStatus: run?.lastStatus ?? null,
          lastError: run?.lastError ?? null,
          runs: Number(run?.runs ?? 0),
        };
      }),
      resellersTotal: Number(total?.n ?? 0),
      resellersDisabled: disabled.get(id) ?? 0,
    });
  }
  return summaries;
}

const lastStatus = { queued: 'running', running: 'running', succeeded: 'ok', failed: 'failed', cancelled: 'failed' } as const;

/** The latest run of every job kind, with how many runs are kept (finished ones for 30 days). */
async function lastRuns(tx: Db) {
  const rows = await tx
    .selectDistinctOn([jobRows.owner, jobRows.kind], {
      owner: jobRows.owner,
      kind: jobRows.kind,
      state: jobRows.state,
      startedAt: jobRows.startedAt,
      finishedAt: jobRows.finishedAt,
      error: jobRows.error,
      runs: sql<number>`(count(*) over (partition by ${jobRows.owner}, ${jobRows.kind}))::int`,
    })
    .from(jobRows)
    .orderBy(jobRows.owner, jobRows.kind, desc(jobRows.createdAt));
  return rows.map((r) => ({
    owner: r.owner,
    kind: r.kind,
    lastStartedAt: r.startedAt,
    lastFinishedAt: r.finishedAt,
    lastStatus: lastStatus[r.state],
    lastError: r.error,
    runs: Number(r.runs),
  }));
}

export interface ResellerToggleRow {
  resellerId: number;
  code: string;
  name: string;
  status: 'active' | 'inactive';
  enabled: boolean;
  updatedAt: Date | null;
}

export const resellersPerPage = 50;

/** One page of resellers with this plugin's state, searched by name or code. */
/** Each singular with this plugin's switch for it (on when it never chose). */
function toggleRows(tx: Db, pluginId: string) {
  return tx
    .select({
      resellerId: resellers.id,
      code: resellers.code,
      name: resellers.name,
      status: resellers.status,
      enabled: sql<boolean>`coalesce(${resellerPlugins.enabled}, true)`,
      updatedAt: resellerPlugins.updatedAt,
    })
    .from(resellers)
    .leftJoin(resellerPlugins, and(eq(resellerPlugins.resellerId, resellers.id), eq(resellerPlugins.pluginId, pluginId)));
}

export async function loadResellerToggles(
  tx: Db,
  pluginId: string,
  query: { q: string; page: number },
): Promise<{ rows: ResellerToggleRow[]; hasNext: boolean }> {
  const q = query.q.trim();
  const filter = q ? or(ilike(resellers.name, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`), eq(resellers.code, q)) : undefined;
  const rows = await toggleRows(tx, pluginId)
    .where(filter)
    .orderBy(asc(resellers.name), asc(resellers.id))
    .limit(resellersPerPage + 1)
    .offset((query.page - 1) * resellersPerPage);
  return { rows: rows.slice(0, resellersPerPage), hasNext: rows.length > resellersPerPage };
}

export async function loadResellerToggle(tx: Db, pluginId: string, resellerId: number): Promise<ResellerToggleRow | null> {
  const [row] = await toggleRows(tx, pluginId).where(eq(resellers.id, resellerId));
  return row ?? null;
}
