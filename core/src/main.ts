import { serve } from '@hono/node-server';
import { createServices, prepareDatabase, seedDemoIfEmpty } from './app/bootstrap.ts';
import { createApp } from './app/create-app.tsx';
import { builtinModules, loadModules } from './app/load-modules.ts';
import { systemClock } from './clock/clock.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { openDatabase, pgliteDir } from './db/open-database.ts';
import { createLogger } from './log/logger.ts';

/** Composition root: config → database (migrations, app role) → demo data → HTTP server. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const modules = await loadModules([...builtinModules, ...(config.plugins ?? [])]);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  log.info({ driver: db.driver }, 'database opened');
  await prepareDatabase(db, modules);
  const services = createServices(config, db, systemClock, log);
  if (config.demoData) {
    const logins = await seedDemoIfEmpty(services, modules);
    if (logins) {
      const lines = logins.map((l) => `  ${l.email.padEnd(26)} ${l.description}`).join('\n');
      console.log(`\nDados de demonstração criados. Senha de todos: demo1234\n${lines}\n`);
    }
  }
  const { app } = createApp(services, modules);
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
