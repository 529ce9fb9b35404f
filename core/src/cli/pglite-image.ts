import { parseArgs } from 'node:util';
import { migrationSets, prepareDatabase } from '../app/bootstrap.ts';
import { formatSeconds } from '../app/start-progress.ts';
import { builtinModules, defaultPlugins, loadModules } from '../app/load-modules.ts';
import { loadConfig } from '../config/env.ts';
import { openDatabase } from '../db/open-database.ts';
import { buildImage, defaultImageDir, fingerprintOf, readImage } from '../db/pglite-image.ts';
import { loadPlugins } from '../plugins/load-plugins.ts';
import { formatBytes } from '../ui/format.ts';
import { runCli } from './cli-run.ts';

const usage = `Uso: npm run db:image [-- --force]
Prepara o banco PGlite vazio (todas as migrações aplicadas, sem dados) que a primeira partida num DATA_DIR
vazio carrega em vez de criar o banco do zero. O npm install roda este comando; rode-o de novo depois de
mudar migrações, PLUGINS ou APP_DB_ROLE (sem ele, a primeira partida apenas demora mais).`;

/**
 * `npm run db:image`: builds the migrated PGlite image of core/src/db/pglite-image.ts. After `npm install`
 * (`--postinstall`) a failure only warns: the first start then creates the database from scratch.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { force: { type: 'boolean' }, postinstall: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  try {
    const config = loadConfig();
    const modules = await loadModules(builtinModules);
    const plugins = await loadPlugins(config.plugins ?? defaultPlugins);
    const fingerprint = fingerprintOf(migrationSets(modules, plugins), config.appDbRole);
    if (!values.force && (await readImage())?.manifest.fingerprint === fingerprint) {
      console.log(`O banco vazio da primeira partida já está em dia: ${defaultImageDir}`);
      return 0;
    }
    const started = performance.now();
    const size = await buildImage({
      fingerprint,
      prepare: async (dataDir) => {
        const db = await openDatabase({ dataDir, appRole: config.appDbRole });
        try {
          await prepareDatabase(db, modules, plugins);
        } finally {
          await db.close();
        }
      },
    });
    console.log(`Banco vazio da primeira partida preparado em ${formatSeconds(performance.now() - started)} (${formatBytes(size)}): ${defaultImageDir}`);
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`Não foi possível preparar o banco vazio da primeira partida (${reason}); ela criará o banco do zero.`);
    return values.postinstall ? 0 : 1;
  }
}

runCli(main);
