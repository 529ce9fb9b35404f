import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { verifyAuditChain, type ChainReport } from '../audit/verify-chain.ts';
import { openDatabase } from '../db/open-database.ts';
import { ensureAppRoleAfterRestore } from './app-role-after-restore.ts';
import { countTableRows, type RunSql } from './snapshot-facts.ts';
import { type OpenedBackup, pgliteArchive, restoreInto } from './restore.ts';

export interface RowMismatch {
  table: string;
  expected: number | null;
  actual: number | null;
}

/** What restoring a backup into a scratch database showed. */
export interface Verification {
  ok: boolean;
  /** pt-BR sentence for the status screen and the notification. */
  reason: string;
  tables: number;
  mismatches: RowMismatch[];
  audit: ChainReport | null;
  durationMs: number;
}

export interface VerifyOptions {
  appRole: string;
  pgBinDir?: string | undefined;
  /** PostgreSQL: the server (any database URL on it) where a scratch database is created and dropped. */
  serverUrl?: string | undefined;
}

const formatInt = (n: number) => n.toLocaleString('pt-BR');

/** Compares the manifest's row counts with the copy's, table by table (both directions). */
export function compareRows(expected: Record<string, number>, actual: Record<string, number>): RowMismatch[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((t) => expected[t] !== actual[t])
    .map((table) => ({ table, expected: expected[table] ?? null, actual: actual[table] ?? null }));
}

function judge(expected: Record<string, number>, actual: Record<string, number>, audit: ChainReport, started: number): Verification {
  const mismatches = compareRows(expected, actual);
  const tables = Object.keys(expected).length;
  const problems: string[] = [];
  for (const m of mismatches.slice(0, 3)) {
    problems.push(
      `${m.table}: ${m.expected === null ? 'ausente no backup' : `${formatInt(m.expected)} linhas no backup`}, ` +
        `${m.actual === null ? 'ausente na cópia' : `${formatInt(m.actual)} na cópia`}`,
    );
  }
  if (mismatches.length > 3) problems.push(`e mais ${mismatches.length - 3} tabelas diferentes`);
  if (!audit.ok) problems.push(`cadeia da auditoria quebrada no registro ${audit.brokenAtId} (${audit.reason === 'hash' ? 'conteúdo alterado' : 'elo rompido'})`);
  const ok = problems.length === 0;
  const reason = ok
    ? `Restaurado numa cópia temporária: ${formatInt(tables)} tabelas com o mesmo número de linhas; cadeia da auditoria íntegra (${formatInt(audit.rows)} registros).`
    : `A cópia restaurada difere do backup: ${problems.join('; ')}.`;
  return { ok, reason, tables, mismatches, audit, durationMs: Math.round(performance.now() - started) };
}

function failed(error: unknown, started: number): Verification {
  const message = (error as Error)?.message ?? String(error);
  return {
    ok: false,
    reason: `Não foi possível restaurar o backup numa cópia temporária: ${message.slice(0, 400)}`,
    tables: 0,
    mismatches: [],
    audit: null,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * Restores an opened (checked, decrypted) backup into a scratch database — a temporary database on
 * the same PostgreSQL server, or an in-memory PGlite — counts every table's rows and walks the audit
 * chain there, then throws the copy away.
 */
export async function verifyBackup(opened: OpenedBackup, options: VerifyOptions): Promise<Verification> {
  const started = performance.now();
  try {
    return opened.manifest.format === 'pglite-datadir'
      ? await verifyPglite(opened, options, started)
      : await verifyPostgres(opened, options, started);
  } catch (error) {
    return failed(error, started);
  }
}

async function verifyPglite(opened: OpenedBackup, options: VerifyOptions, started: number): Promise<Verification> {
  const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteArchive(opened), appRole: options.appRole });
  try {
    const runSql: RunSql = (text) => db.query(db.owner, sql.raw(text));
    const actual = await countTableRows(runSql);
    const audit = await verifyAuditChain(db);
    return judge(opened.manifest.tableRows, actual, audit, started);
  } finally {
    await db.close();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function verifyPostgres(opened: OpenedBackup, options: VerifyOptions, started: number): Promise<Verification> {
  if (!options.serverUrl) throw new Error('sem servidor PostgreSQL para a cópia temporária');
  const name = `painel_verificacao_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(options.serverUrl, name);
  try {
    await restoreInto(opened, { driver: 'postgres', url }, { replace: false, appRole: options.appRole, pgBinDir: options.pgBinDir });
    const counter = postgres(url, { max: 1, onnotice: () => {} });
    let actual: Record<string, number>;
    try {
      actual = await counter.begin(async (tx) => {
        await tx`set local row_security = off`;
        return countTableRows((text) => tx.unsafe(text) as unknown as Promise<Record<string, unknown>[]>);
      });
    } finally {
      await counter.end({ timeout: 5 });
    }
    const db = await openDatabase({ url, appRole: options.appRole, poolSize: 2 });
    try {
      await ensureAppRoleAfterRestore(db);
      const audit = await verifyAuditChain(db);
      return judge(opened.manifest.tableRows, actual, audit, started);
    } finally {
      await db.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
    await admin.end({ timeout: 5 });
  }
}
