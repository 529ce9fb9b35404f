import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createServices } from '../app/bootstrap.ts';
import { BackupService } from '../backup/backup-service.ts';
import { systemClock } from '../clock/clock.ts';
import { loadConfig } from '../config/env.ts';
import { openDatabase, pgliteDir } from '../db/open-database.ts';
import { pgliteLockHolder } from '../db/pglite-lock.ts';
import { createLogger } from '../log/logger.ts';
import { formatBytes, formatDateTime } from '../ui/format.ts';
import { CliError, runCli } from './cli-run.ts';

const usage = `Uso: npm run backup [-- --skip-verify]
Faz um backup do banco configurado (DATABASE_URL, ou o PGlite em DATA_DIR) em BACKUP_DIR, com manifesto
(tamanho, SHA-256, versões, contagem de linhas) e, salvo --skip-verify, restaura-o numa cópia temporária
para conferir cada tabela e a cadeia da auditoria.`;

/** `npm run backup`: one backup now, recorded like the app's own runs (exit 0 verified, 1 not verified, 2 error). */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'skip-verify': { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig();
  if (!config.databaseUrl) {
    const dir = resolve(pgliteDir(config.dataDir));
    if (!existsSync(join(dir, 'PG_VERSION'))) throw new CliError(`Nenhum banco PGlite em ${dir} (DATA_DIR=${config.dataDir}).`);
    const holder = pgliteLockHolder(dir);
    if (holder) {
      throw new CliError(
        `O banco PGlite em ${dir} está em uso pelo processo ${holder.pid} (${holder.host}, desde ${formatDateTime(new Date(holder.since))}). ` +
          'O PGlite pertence a um só processo: com o Painel Singular em execução, o backup é feito por ele — use "Fazer backup agora" ' +
          'em /plataforma/backups ou espere o backup agendado. Para usar este comando, pare o aplicativo antes.',
      );
    }
  }
  const log = createLogger({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: pgliteDir(config.dataDir), appRole: config.appDbRole, poolSize: 2 });
  try {
    const [table] = await db.query<{ t: string | null }>(db.owner, sql`select to_regclass('public.backup_runs')::text as t`);
    if (!table?.t) throw new CliError('Este banco ainda não tem a tabela de backups: inicie o aplicativo uma vez (npm start) para aplicar as migrações.');
    const services = createServices(config, db, systemClock, log);
    const backups = new BackupService(services);
    console.log(`Fazendo backup (${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}) em ${resolve(config.backup.dir)}…`);
    const run = await backups.runNow('cli', { verify: !values['skip-verify'] });
    if (run.status === 'failed') throw new CliError(`O backup falhou: ${run.error}`);
    const file = join(resolve(config.backup.dir), run.file!);
    console.log(
      `Backup gravado: ${file}\n  ${formatBytes(run.sizeBytes ?? 0)} em ${((run.durationMs ?? 0) / 1000).toFixed(1)} s` +
        `${run.encrypted ? ', criptografado (AES-256-GCM)' : ''}; SHA-256 ${run.sha256}\n  manifesto: ${file}.manifest.json`,
    );
    if (run.verified === null) {
      console.log('  verificação: não feita (--skip-verify)');
      return 0;
    }
    const reason = String(run.verification?.reason ?? '');
    (run.verified ? console.log : console.error)(`  verificação: ${reason}`);
    return run.verified ? 0 : 1;
  } finally {
    await db.close();
  }
}

runCli(main);
