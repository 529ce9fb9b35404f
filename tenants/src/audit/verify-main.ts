import { ConfigError, loadConfig, openDatabase, pgliteDir } from '@painel/core/app';
import { verifyAuditCommand } from './verify-command.ts';

/**
 * `npm run audit:verify`: opens the database from the configuration (DATABASE_URL, else the PGlite
 * data under DATA_DIR) and checks the audit log's hash chain. Exit 0 when intact, 1 when broken, 2 when
 * it could not check. With PGlite, stop the app first (one process at a time per data directory).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole });
  try {
    const outcome = await verifyAuditCommand(db);
    (outcome.exitCode === 0 ? console.log : console.error)(outcome.message);
    return outcome.exitCode;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError ? error.message : `Não foi possível verificar a auditoria: ${error instanceof Error ? error.message : String(error)}`;
    console.error(message);
    process.exit(2);
  },
);
