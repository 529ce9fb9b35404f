import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import { AuditLog } from '../audit/audit-log.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { SessionStore } from '../auth/sessions.ts';
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/env.ts';
import { ensureAppRole } from '../db/app-role.ts';
import { users } from '../db/schema/index.ts';
import type { Database, MigrationSet } from '../db/types.ts';
import { RequestHooks } from '../http/request-hooks.ts';
import type { DemoLogin, ModuleDefinition } from '../modules/module.ts';
import { Notifications } from '../notifications/notifications.ts';
import { EventBus } from '../plugins/event-bus.ts';
import { PolicyRegistry } from '../policy/policy.ts';
import { defineCoreJobs } from '../jobs/core-jobs.ts';
import { JobQueue } from '../jobs/queue.ts';
import { assertPluginIdsFree, migratePlugins } from '../plugins/plugin-migrations.ts';
import type { AnyPlugin } from '../plugins/plugin-types.ts';
import { UiRegistry } from '../ui/ui-registry.ts';
import { UploadArea } from '../uploads/upload-area.ts';
import { coreDemoSummary, seedCoreDemo } from './core-demo-seed.ts';
import type { CoreServices } from './services.ts';

export const coreMigrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** The migration sets in the order prepareDatabase applies them: core, each module's, each plugin's. */
export function migrationSets(modules: ModuleDefinition[], plugins: AnyPlugin[] = []): MigrationSet[] {
  return [
    { id: 'core', folder: coreMigrationsFolder },
    ...modules.flatMap((m) => (m.migrations ? [{ id: m.id, folder: m.migrations.folder }] : [])),
    ...plugins.flatMap((p) => (p.migrations ? [{ id: p.id, folder: p.migrations.folder }] : [])),
  ];
}

/**
 * Core migrations, then each module's, then each configured plugin's (each set: own folder, own
 * table), then the app role's grants (plugins' schemas included).
 */
export async function prepareDatabase(db: Database, modules: ModuleDefinition[], plugins: AnyPlugin[] = []): Promise<void> {
  assertPluginIdsFree(plugins, ['core', ...modules.map((m) => m.id)]);
  await db.migrate({ id: 'core', folder: coreMigrationsFolder });
  for (const module of modules) {
    if (!module.migrations) continue;
    try {
      await db.migrate({ id: module.id, folder: module.migrations.folder });
    } catch (error) {
      throw new MigrationError(`As migrações de "${module.id}" falharam: ${(error as Error).message}`);
    }
  }
  const pluginSchemas = await migratePlugins(db, plugins);
  const schemas = modules.map((m) => m.migrations?.schema).filter((s): s is string => !!s);
  await ensureAppRole(db, [...schemas, ...pluginSchemas]);
}

export function createServices(config: Config, db: Database, clock: Clock, log: Logger): CoreServices {
  db.useClock(clock);
  const jobs = new JobQueue(db, clock, log, { leaseMs: config.jobLeaseMs });
  const uploads = new UploadArea(config.dataDir);
  defineCoreJobs(jobs, uploads);
  return {
    config,
    db,
    clock,
    log,
    sessions: new SessionStore(db, clock, { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs }),
    throttle: new LoginThrottle(db, clock),
    audit: new AuditLog(db, clock),
    notifications: new Notifications(clock),
    ui: new UiRegistry(),
    policy: new PolicyRegistry(),
    requests: new RequestHooks(),
    events: new EventBus(log),
    jobs,
    supportAccess: { port: null },
    actorHooks: { supportGrant: undefined },
    uploads,
  };
}

/**
 * First start on an empty database (outside production): demo data from core and every module.
 * `announce` hears each part before it is created (the start's progress lines).
 */
export async function seedDemoIfEmpty(
  services: CoreServices,
  modules: ModuleDefinition[],
  announce: (part: { id: string; summary: string | undefined }) => void = () => {},
): Promise<DemoLogin[] | null> {
  const [row] = await services.db.scoped({ kind: 'platform' }, (tx) => tx.select({ n: count() }).from(users));
  if (Number(row?.n ?? 0) > 0) return null;
  announce({ id: 'core', summary: coreDemoSummary });
  const logins = [...(await seedCoreDemo(services))];
  for (const module of modules) {
    if (!module.seedDemo) continue;
    announce({ id: module.id, summary: module.demoSummary });
    logins.push(...(await module.seedDemo(services)));
  }
  return logins;
}
