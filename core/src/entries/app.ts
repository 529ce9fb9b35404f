/**
 * `@painel/core/app`: wiring an application — configuration, database, migrations, modules, plugins,
 * services and the Hono app (core/src/main.ts is its composition root; command-line entry points such
 * as tenants' `*main.ts` use it; core's own main.ts imports the same files directly). Neither plugins
 * nor module code import it.
 */
export { createApp } from '../app/create-app.tsx';
export { coreMigrationsFolder, createServices, migrationSets, prepareDatabase, seedDemoIfEmpty } from '../app/bootstrap.ts';
export { builtinModules, defaultPlugins, loadModules } from '../app/load-modules.ts';
export type { CoreServices } from '../app/services.ts';
export { type Config, ConfigError, loadConfig } from '../config/env.ts';
export { assertRoleCannotBypassRls, ensureAppRole, UnsafeAppRoleError } from '../db/app-role.ts';
export { openDatabase, pgliteDir, pgliteExtensions } from '../db/open-database.ts';
export { buildImage, copyImage, fingerprintOf, type ImageManifest, isNewPgliteDir, type PgliteImage, readImage } from '../db/pglite-image.ts';
export type { Database, DriverName } from '../db/types.ts';
export { createLogger } from '../log/logger.ts';
export { systemClock } from '../clock/clock.ts';
export { loadPlugins, PluginLoadError } from '../plugins/load-plugins.ts';
export { PluginMigrationError, pluginMigrationsTable } from '../plugins/plugin-migrations.ts';
export { type HostedPlugin, PluginHost } from '../plugins/plugin-host.ts';
export { JobQueue, type JobQueueOptions } from '../jobs/queue.ts';
export type { JobOutcome } from '../jobs/types.ts';
export { EventBus } from '../plugins/event-bus.ts';
export { coreVersion } from '../plugins/core-version.ts';
export type { AnyPlugin } from '../plugins/plugin-types.ts';
export { takeBackup, type BackupSource, type TakenBackup } from '../backup/take-backup.ts';
export { openBackup, restoreInto, RestoreRefusedError, type RestoreTarget } from '../backup/restore.ts';
export { verifyBackup, type Verification } from '../backup/verify-backup.ts';
export { BackupFileError, readManifest, type BackupManifest } from '../backup/manifest.ts';
export { ensureAppRoleAfterRestore } from '../backup/app-role-after-restore.ts';
export { countTableRows } from '../backup/snapshot-facts.ts';
export { findPostgresTools, PostgresToolsError } from '../backup/postgres-tools.ts';
export { BackupService } from '../backup/backup-service.ts';
export { pgliteLockHolder, pgliteLockPath } from '../db/pglite-lock.ts';
