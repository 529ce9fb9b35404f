/**
 * `npm run bench:upload`: a 200 MB upload (BENCH_UPLOAD_MB) through the app's streamed receiver (the
 * fixture plugin's /importacao route: busboy → temp file with SHA-256 → the plugin's file store) next
 * to a bare node:http server piping the same bytes to a file, each server in a process of its own.
 * Reports each server's RSS growth and MB/s, prints them and writes JSON to bench-results/.
 * Issue 11 asks for RSS growth < 64 MB. The app runs on a fresh in-memory PGlite (migrated and
 * demo-seeded at start) or, with BENCH_DATABASE_URL, on a throwaway database of that server.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { measureUpload, startUploadServer } from './upload-client.ts';

const MiB = 1024 * 1024;
const size = Number(process.env.BENCH_UPLOAD_MB ?? 200) * MiB;
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-bench-upload-'));
  const env: Record<string, string> = { DATA_DIR: dir };
  let dropDb = async () => {};
  if (serverUrl) {
    const name = `painel_bench_upload_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env.UPLOAD_DB_URL = url.toString();
    dropDb = async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  }
  console.log(`Iniciando os servidores (app em ${serverUrl ? 'PostgreSQL' : 'PGlite em memória'}, e o node:http puro)…`);
  const [app, bare] = await Promise.all([startUploadServer(['app'], env, 600_000), startUploadServer(['bare', dir])]);
  try {
    await measureUpload(app, '/p/fixture-plugin/importacao', 4 * MiB);
    await measureUpload(bare, '/', 4 * MiB);
    const baseline = await measureUpload(bare, '/', size);
    const result = await measureUpload(app, '/p/fixture-plugin/importacao', size);
    if (result.status !== 200 || !result.body.includes(`data-sha256="${result.sha256}"`)) {
      throw new Error(`the app's upload failed: ${result.status} ${result.body.slice(0, 300)}`);
    }
    const row = (label: string, r: typeof result) =>
      `${label.padEnd(22)} ${r.seconds.toFixed(2).padStart(7)} s ${r.mbPerSecond.toFixed(1).padStart(8)} MB/s   RSS +${(r.serverRssGrowth / MiB).toFixed(1)} MB`;
    console.log(`\nUpload de ${size / MiB} MB (um arquivo, multipart, Content-Length declarado)`);
    console.log(row('app (streamed)', result));
    console.log(row('node:http pipe', baseline));
    console.log(`throughput: ${(result.mbPerSecond / baseline.mbPerSecond).toFixed(2)}× the bare pipe; RSS growth < 64 MB: ${result.serverRssGrowth < 64 * MiB ? 'sim' : 'NÃO'}`);
    const out = join(process.cwd(), 'bench-results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `upload-${serverUrl ? 'postgres' : 'pglite'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const strip = ({ body: _b, ...r }: typeof result) => r;
    writeFileSync(file, `${JSON.stringify({ sizeBytes: size, driver: serverUrl ? 'postgres' : 'pglite', app: strip(result), bare: strip(baseline), rssBoundBytes: 64 * MiB }, null, 2)}\n`);
    console.log(`\nResultado em ${file}`);
  } finally {
    await app.stop();
    await bare.stop();
    await dropDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
