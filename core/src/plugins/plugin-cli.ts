/**
 * The sanctioned way for a plugin's command-line tool to use the database (plugins may not import
 * `@painel/core/app` nor open a database themselves). `withPluginDatabase(pluginId, fn)` opens the
 * configured database (DATABASE_URL, else the PGlite files under DATA_DIR — stop the app first with
 * PGlite, one process per data directory), hands `fn` the same narrow database view a running plugin
 * gets — `scoped` (any tenant scope but platform and auth) and `platformScoped(reason, fn)`, which
 * appends an audit entry naming the plugin and the reason before anything runs — and closes it after.
 * Nothing is migrated: a database the app never prepared is refused with a pt-BR message.
 * The database code is loaded only when called, so importing the plugin entry stays light.
 */
import type { Db } from '../db/types.ts';
import { assertPluginScope, type PluginScope } from './plugin-env.ts';

const maxReasonLength = 200;

export interface PluginCliContext {
  readonly pluginId: string;
  scoped<T>(scope: PluginScope, fn: (tx: Db) => Promise<T>): Promise<T>;
  /** One platform-scope transaction, audited (`plugin.platform_scope`, reason prefixed "linha de comando:"). */
  platformScoped<T>(reason: string, fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** The database could not be opened or was never prepared by the app (pt-BR message). */
export class PluginCliDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PluginCliDatabaseError';
  }
}

export async function withPluginDatabase<T>(pluginId: string, fn: (ctx: PluginCliContext) => Promise<T>, env: Record<string, string | undefined> = process.env): Promise<T> {
  const [{ loadConfig }, { openDatabase, pgliteDir }, { AuditLog }, { systemClock }, { sql }] = await Promise.all([
    import('../config/env.ts'),
    import('../db/open-database.ts'),
    import('../audit/audit-log.ts'),
    import('../clock/clock.ts'),
    import('drizzle-orm'),
  ]);
  const config = loadConfig(env);
  let db;
  try {
    db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  } catch (error) {
    throw new PluginCliDatabaseError(`Não foi possível abrir o banco de dados: ${(error as Error).message}`);
  }
  try {
    db.useClock(systemClock);
    const schema = pluginId.replace(/-/g, '_');
    const [prepared] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ ok: boolean }>(tx, sql`select exists (select 1 from information_schema.schemata where schema_name = ${schema}) as ok`),
    ).catch(() => [{ ok: false }]);
    if (!prepared?.ok) throw new PluginCliDatabaseError(`O banco de dados não tem as tabelas do plugin "${pluginId}": inicie o app uma vez (npm start) para aplicar as migrações.`);
    const audit = new AuditLog(db, systemClock);
    return await fn(
      Object.freeze({
        pluginId,
        scoped: <R>(scope: PluginScope, run: (tx: Db) => Promise<R>) => {
          assertPluginScope(pluginId, scope);
          return db.scoped(scope, run);
        },
        platformScoped: <R>(reason: string, run: (tx: Db) => Promise<R>) => {
          const why = typeof reason === 'string' ? reason.trim().slice(0, maxReasonLength) : '';
          if (!why) throw new TypeError(`O plugin "${pluginId}" pediu o escopo de plataforma sem dizer o motivo.`);
          return db.scoped({ kind: 'platform' }, async (tx) => {
            await audit.append({ action: 'plugin.platform_scope', target: `plugin ${pluginId}`, details: { plugin: pluginId, reason: `linha de comando: ${why}` } }, tx);
            return run(tx);
          });
        },
      }),
    );
  } finally {
    await db.close();
  }
}
