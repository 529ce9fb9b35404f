/**
 * `npm run seed:large [-- --clinics N --users N --resellers N]`: loads the large data set into the
 * database the app uses (DATABASE_URL, else the PGlite files under DATA_DIR — stop `npm start` first:
 * PGlite serves one process). Runs the migrations and the demo seed first, so the demo logins work.
 */
import {
  builtinModules,
  ConfigError,
  createLogger,
  createServices,
  loadConfig,
  loadModules,
  openDatabase,
  pgliteDir,
  prepareDatabase,
  seedDemoIfEmpty,
  systemClock,
} from '@painel/core/app';
import { AuditLog, demoPassword, formatNumber, hashPassword } from '@painel/core/module';
import { parseLargeSeedArgs, largeSeedUsage } from './options.ts';
import { LargeSeedRefused, SEED_EMAIL_DOMAIN, SEED_RESELLER_CODE_START, seedLarge } from './seed-large.ts';

async function main(): Promise<number> {
  const parsed = parseLargeSeedArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.error) console.error(parsed.error);
    console.log(largeSeedUsage);
    return parsed.help ? 0 : 2;
  }
  const { options } = parsed;
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  try {
    console.log(`Banco: ${db.driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite em ${pgliteDir(config.dataDir)}`}`);
    const modules = await loadModules([...builtinModules, ...(config.plugins ?? [])]);
    await prepareDatabase(db, modules);
    const services = createServices(config, db, systemClock, createLogger({ ...config, logLevel: 'warn' }));
    if (config.demoData) await seedDemoIfEmpty(services, modules);
    const fmt = formatNumber;
    console.log(
      `Criando ${fmt(options.resellers)} singulares, ${fmt(options.clinics)} bases e ${fmt(options.users)} usuários…`,
    );
    const report = await seedLarge(db, options, await hashPassword(demoPassword), (m) => console.log(`  ${m}`));
    await new AuditLog(db, systemClock).append({
      action: 'seed.large',
      target: 'carga de dados de volume',
      details: { ...report },
    });
    console.log(
      `Pronto em ${(report.ms / 1000).toFixed(1).replace('.', ',')} s: ${fmt(report.resellers)} singulares (códigos ${SEED_RESELLER_CODE_START}…), ` +
        `${fmt(report.clinics)} bases${report.firstBaseId ? ` (ids a partir de ${report.firstBaseId})` : ''}, ` +
        `${fmt(report.users)} usuários e ${fmt(report.memberships)} vínculos.\n` +
        `Logins: admin.${SEED_RESELLER_CODE_START}@${SEED_EMAIL_DOMAIN} (administração da maior singular), usuario1@${SEED_EMAIL_DOMAIN} … — senha ${demoPassword}.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof LargeSeedRefused || error instanceof ConfigError) console.error(error.message);
    else console.error('A carga grande falhou:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
