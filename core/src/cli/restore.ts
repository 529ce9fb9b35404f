import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { ensureAppRoleAfterRestore } from '../backup/app-role-after-restore.ts';
import { backupRunStore } from '../backup/backup-runs.ts';
import { openBackup, restoreInto, type RestoreTarget } from '../backup/restore.ts';
import { countTableRows } from '../backup/snapshot-facts.ts';
import { compareRows } from '../backup/verify-backup.ts';
import { loadConfig } from '../config/env.ts';
import { openDatabase, pgliteDir } from '../db/open-database.ts';
import { pgliteLockHolder } from '../db/pglite-lock.ts';
import { formatNumber } from '../ui/format.ts';
import { CliError, runCli } from './cli-run.ts';

const usage = `Uso: npm run restore -- <arquivo de backup> [--into postgres://…|<pasta do PGlite>] [--replace]
Restaura um backup (conferido pelo SHA-256 do manifesto e decifrado com BACKUP_ENCRYPTION_KEY, se criptografado)
num banco vazio: por padrão o configurado (DATABASE_URL, ou DATA_DIR/pglite). --replace apaga o conteúdo atual do destino.`;

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** `npm run restore`: exit 0 restored and matching its manifest, 1 refused or different, 2 error. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { into: { type: 'string' }, replace: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    (values.help ? console.log : console.error)(usage);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const into = values.into ?? config.databaseUrl ?? pgliteDir(config.dataDir);
  const target: RestoreTarget = /^postgres(ql)?:\/\//.test(into) ? { driver: 'postgres', url: into } : { driver: 'pglite', dir: resolve(into) };
  if (target.driver === 'pglite') {
    const holder = pgliteLockHolder(target.dir);
    if (holder) {
      throw new CliError(
        `O banco PGlite em ${target.dir} está em uso pelo processo ${holder.pid}: pare o Painel Singular antes de restaurar sobre ele.`,
        1,
      );
    }
  }
  const where = target.driver === 'postgres' ? redact(target.url) : target.dir;
  const opened = await openBackup(positionals[0]!, config.backup.encryptionKey).catch((error: unknown) => {
    throw new CliError((error as Error).message, 1);
  });
  try {
    console.log(`Restaurando ${opened.manifest.file} (de ${opened.manifest.createdAt}) em ${where}…`);
    await restoreInto(opened, target, { replace: values.replace ?? false, appRole: config.appDbRole, pgBinDir: config.backup.pgBinDir }).catch(
      (error: unknown) => {
        throw new CliError((error as Error).message, (error as Error).name === 'RestoreRefusedError' ? 1 : 2);
      },
    );
  } finally {
    await opened.cleanup();
  }
  const db =
    target.driver === 'postgres'
      ? await openDatabase({ url: target.url, appRole: config.appDbRole, poolSize: 2 })
      : await openDatabase({ dataDir: target.dir, appRole: config.appDbRole });
  try {
    if (target.driver === 'postgres') await ensureAppRoleAfterRestore(db);
    const rows = await db.scoped({ kind: 'platform' }, () => countTableRows((text) => db.query(db.owner, sql.raw(text))));
    const mismatches = compareRows(opened.manifest.tableRows, rows);
    const audit = await verifyAuditChain(db);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    if (mismatches.length > 0 || !audit.ok) {
      console.error(
        `Restaurado, mas diferente do manifesto: ${mismatches.map((m) => `${m.table} (${m.expected ?? '—'} → ${m.actual ?? '—'})`).join(', ') || 'linhas iguais'}` +
          `${audit.ok ? '' : `; cadeia da auditoria quebrada no registro ${audit.brokenAtId}`}.`,
      );
      return 1;
    }
    // The backup may hold its own run as "running": in the restored database nothing is running.
    if ('public.backup_runs' in rows) {
      await db.scoped({ kind: 'platform' }, (tx) => backupRunStore.abandonActive(tx, 'Interrompido: o banco foi restaurado de um backup.'));
    }
    console.log(
      `Backup restaurado: ${formatNumber(Object.keys(rows).length)} tabelas, ${formatNumber(total)} linhas, iguais ao manifesto; ` +
        `cadeia da auditoria íntegra (${formatNumber(audit.rows)} registros).`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main);
