import { serve } from '@hono/node-server';
import { createServices, prepareDatabase, seedDemoIfEmpty } from './app/bootstrap.ts';
import { createApp } from './app/create-app.tsx';
import { builtinModules, defaultPlugins, loadModules } from './app/load-modules.ts';
import { systemClock } from './clock/clock.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { openDatabase, pgliteDir } from './db/open-database.ts';
import { createLogger } from './log/logger.ts';
import { loadPlugins } from './plugins/load-plugins.ts';

/** How often this instance looks for due plugin jobs (each job runs once per slot across instances). */
const jobTickMs = 30_000;

/** Composition root: config → database (migrations, app role) → demo data → HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const modules = await loadModules(builtinModules);
  const plugins = await loadPlugins(config.plugins ?? defaultPlugins);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  log.info({ driver: db.driver }, 'database opened');
  await prepareDatabase(db, modules, plugins);
  const services = createServices(config, db, systemClock, log);
  if (config.demoData) {
    const logins = await seedDemoIfEmpty(services, modules);
    if (logins) {
      const lines = logins.map((l) => `  ${l.email.padEnd(26)} ${l.description}`).join('\n');
      console.log(`\nDados de demonstração criados. Senha de todos: demo1234\n${lines}\n`);
    }
  }
  const { app, plugins: pluginHost } = createApp(services, modules, plugins);
  await pluginHost.start();
  pluginHost.scheduler.start(jobTickMs);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ port: info.port }, 'listening');
    console.log(`Painel Singular em http://localhost:${info.port}`);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    server.close();
    await pluginHost.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || (error instanceof Error && /Error$/.test(error.name) && error.name !== 'Error')) {
    console.error(error.message);
  } else {
    console.error('Falha ao iniciar o Painel Singular:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
