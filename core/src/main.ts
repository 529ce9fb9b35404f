import { serve } from '@hono/node-server';
import { rmSync } from 'node:fs';
import { createServices, migrationSets, prepareDatabase, seedDemoIfEmpty } from './app/bootstrap.ts';
import { demoPassword } from './app/core-demo-seed.ts';
import { createApp } from './app/create-app.tsx';
import { builtinModules, defaultPlugins, loadModules } from './app/load-modules.ts';
import { startProgress } from './app/start-progress.ts';
import { systemClock } from './clock/clock.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { openDatabase, pgliteDir } from './db/open-database.ts';
import { copyImage, fingerprintOf, isNewPgliteDir, readImage } from './db/pglite-image.ts';
import { createLogger } from './log/logger.ts';
import { loadPlugins } from './plugins/load-plugins.ts';

/** Where the data lives, for the progress line ("PGlite em data/pglite", "PostgreSQL em host:5432/db"). */
function databaseLabel(databaseUrl: string | undefined, dataDir: string): string {
  if (!databaseUrl) return `PGlite em ${pgliteDir(dataDir)}`;
  const url = new URL(databaseUrl);
  return `PostgreSQL em ${url.host}${url.pathname}`;
}

/**
 * Composition root: config → modules → database (migrations, app role) → demo data → plugins → HTTP
 * server, each step announced on the console in pt-BR.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config);
  const progress = startProgress();
  const pluginNames = config.plugins ?? defaultPlugins;
  const dataDir = pgliteDir(config.dataDir);
  const open = (fromImage = false) => openDatabase({ url: config.databaseUrl, dataDir, appRole: config.appDbRole, rotateScopeKey: fromImage });
  const databaseLine = `Abrindo o banco de dados (${databaseLabel(config.databaseUrl, config.dataDir)})`;
  // A new PGlite database starts from the migrated image `npm install` built, when there is one.
  const image = !config.databaseUrl && isNewPgliteDir(dataDir) ? await readImage() : null;
  const [{ modules, plugins }, opened] = await Promise.all([
    progress.step(`Carregando módulos (${[...builtinModules, ...pluginNames].join(', ')})`, 'módulos', async () => ({
      modules: await loadModules(builtinModules),
      plugins: await loadPlugins(pluginNames),
    })),
    image
      ? progress.step(`${databaseLine}, a partir do banco vazio preparado na instalação`, 'banco', () => {
          copyImage(image, dataDir);
          return open(true);
        })
      : progress.step(databaseLine, 'banco', () => open()),
  ]);
  let db = opened;
  let fromImage = image !== null;
  const sets = migrationSets(modules, plugins);
  if (image && image.manifest.fingerprint !== fingerprintOf(sets, config.appDbRole)) {
    fromImage = false;
    progress.line('O banco preparado na instalação não corresponde às migrações atuais (rode npm run db:image): criando o banco do zero.');
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    db = await progress.step(databaseLine, 'banco', () => open());
  }
  log.info({ driver: db.driver, fromImage }, 'database opened');
  await progress.step(`Aplicando migrações (${sets.map((set) => set.id).join(', ')})`, 'migrações', () => prepareDatabase(db, modules, plugins));
  const services = createServices(config, db, systemClock, log);
  if (config.demoData) {
    const logins = await progress.measure(
      'demonstração',
      () =>
        seedDemoIfEmpty(services, modules, ({ id, summary }) => {
          if (id === 'core') progress.line('Criando dados de demonstração…');
          progress.line(`  ${id}${summary ? `: ${summary}` : ''}`);
        }),
      (seeded) => seeded !== null,
    );
    if (logins) {
      const lines = logins.map((l) => `  ${l.email.padEnd(26)} ${l.description}`).join('\n');
      console.log(`\nDados de demonstração criados. Senha de todos: ${demoPassword}\n${lines}\n`);
    }
  }
  const { app, plugins: pluginHost } = createApp(services, modules, plugins);
  if (plugins.length > 0) {
    await progress.step(`Iniciando plugins (${plugins.map((p) => p.id).join(', ')})`, 'plugins', () => pluginHost.start());
  }
  services.jobs.start();
  // Temp uploads of requests that died go after an hour: swept now (this instance's disk after a
  // crash), then by the core job 'uploads-sweep' every 15 minutes.
  void services.uploads.sweep().catch((err: unknown) => log.error({ err }, 'temp upload sweep failed'));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info({ port: info.port }, 'listening');
    progress.ready(`Painel Singular em http://localhost:${info.port}`);
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
