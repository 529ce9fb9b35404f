/**
 * What a PostgreSQL dump contains: its tables and, where the dump says, their row counts.
 * - custom format (starts with "PGDMP"): the table of contents from `pg_restore --list`; a custom
 *   dump does not state row counts, so they are null;
 * - plain format (SQL text): read as a stream, line by line, `CREATE TABLE` names a table and the
 *   lines of each `COPY … FROM stdin;` block up to `\.` are its rows.
 * Anything else is not a PostgreSQL dump (null): it is recorded as it is.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Opens the dump's bytes from the start (a kept file of the plugin's store, a file on disk). */
export type OpenDump = () => Promise<Readable> | Readable;

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface DumpTable {
  name: string;
  rows: number | null;
}

export interface DumpInventory {
  format: 'custom' | 'plain';
  tables: DumpTable[];
}

/** "public.pacientes" / "pacientes" / quoted names → "public.pacientes". */
function tableName(raw: string): string {
  const parts = raw.match(/"(?:[^"]|"")+"|[^."\s(]+/g) ?? [raw];
  const clean = parts.map((p) => (p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p));
  return clean.length === 1 ? `public.${clean[0]}` : clean.slice(-2).join('.');
}

async function head(openDump: OpenDump, bytes: number): Promise<Buffer> {
  const stream = await openDump();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk as Buffer));
    size += (chunk as Buffer).length;
    if (size >= bytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** The TOC of a custom-format dump: `pg_restore --list` reading the archive from its standard input. */
export async function customInventory(openDump: OpenDump, pgBin = PG_BIN): Promise<DumpTable[]> {
  const proc = spawn(`${pgBin}/pg_restore`, ['--list'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', resolve);
  });
  // pg_restore stops reading once it has the table of contents: a closed pipe is not an error.
  await pipeline(await openDump(), proc.stdin).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  });
  const code = await exited;
  if (code !== 0) throw new Error(`pg_restore --list falhou (${code}): ${stderr.split('\n')[0] ?? ''}`);
  const tables = new Map<string, DumpTable>();
  for (const line of stdout.split('\n')) {
    // "215; 1259 16386 TABLE public pacientes postgres"
    const m = /^\d+; \d+ \d+ TABLE (\S+) (\S+) /.exec(line);
    if (m) tables.set(`${m[1]}.${m[2]}`, { name: `${m[1]}.${m[2]}`, rows: null });
  }
  return [...tables.values()];
}

/** Tables and COPY row counts of a plain SQL dump, streamed (any size). */
export async function plainInventory(openDump: OpenDump): Promise<DumpTable[]> {
  const tables = new Map<string, DumpTable>();
  let copying: DumpTable | null = null;
  const input = await openDump();
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (copying) {
      if (line === '\\.') copying = null;
      else copying.rows = (copying.rows ?? 0) + 1;
      continue;
    }
    const create = /^CREATE (?:UNLOGGED )?TABLE (?:IF NOT EXISTS )?((?:"(?:[^"]|"")+"|[^\s(]+)(?:\.(?:"(?:[^"]|"")+"|[^\s(]+))?)\s*\(/.exec(line);
    if (create) {
      const name = tableName(create[1]!);
      if (!tables.has(name)) tables.set(name, { name, rows: null });
      continue;
    }
    const copy = /^COPY ((?:"(?:[^"]|"")+"|[^\s(]+)(?:\.(?:"(?:[^"]|"")+"|[^\s(]+))?)(?: \([^)]*\))? FROM stdin;$/.exec(line);
    if (copy) {
      const name = tableName(copy[1]!);
      copying = tables.get(name) ?? { name, rows: null };
      copying.rows = 0;
      tables.set(name, copying);
    }
  }
  return [...tables.values()];
}

/** The inventory of a PostgreSQL dump, or null when the bytes are not one. */
export async function dumpInventory(openDump: OpenDump, pgBin = PG_BIN): Promise<DumpInventory | null> {
  const start = await head(openDump, 4096);
  if (start.subarray(0, 5).toString('latin1') === 'PGDMP') return { format: 'custom', tables: await customInventory(openDump, pgBin) };
  if (/^-- PostgreSQL database dump/m.test(start.toString('utf8'))) return { format: 'plain', tables: await plainInventory(openDump) };
  return null;
}

/** Words in table names that point at each entity of seed 000. */
const ENTITY_HINTS: Record<string, RegExp> = {
  convenios: /conv[eê]ni|insur|plano/i,
  procedimentos: /proced/i,
  pacientes: /pacient|patient/i,
  agendamentos: /agend|appoint|consulta/i,
  prontuarios: /prontu|evolu|record/i,
  documentos_gerados: /document|atestad|receit/i,
  modelos_documentos: /modelo.*doc|template/i,
  modelos_prescricao: /prescri|medica/i,
  imagens_documentos: /imag|anexo|arquivo|file/i,
};

/** The expected entities no table of the dump seems to hold (pre-fills "all tables sent?"). */
export function missingEntities(expected: readonly string[], tables: readonly DumpTable[]): string[] {
  return expected.filter((e) => {
    const hint = ENTITY_HINTS[e];
    return !hint || !tables.some((t) => hint.test(t.name.split('.').pop() ?? ''));
  });
}
