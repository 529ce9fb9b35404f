import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { streamUploadOverHttp } from '../../support/uploads.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const script = fileURLToPath(new URL('./upload-server.ts', import.meta.url));

export interface UploadServer {
  base: string;
  cookie: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `upload-server.ts` (`bare <dir>` or `app`) and waits for its port. */
export function startUploadServer(args: string[], env: Record<string, string> = {}, timeoutMs = 180_000): Promise<UploadServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: { ...process.env, ...env } });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`upload server did not start: ${out}`)), timeoutMs);
    proc.stderr?.on('data', (d) => (out += d));
    proc.stdout?.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (!line) return;
      clearTimeout(timer);
      const { port, cookie } = JSON.parse(line) as { port: number; cookie: string };
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      resolve({ base: `http://127.0.0.1:${port}`, cookie, proc, stop: async () => void (proc.kill('SIGTERM'), await exited) });
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`upload server exited (${code}): ${out}`));
    });
  });
}

export interface MeasuredUpload {
  status: number;
  body: string;
  sha256: string;
  seconds: number;
  mbPerSecond: number;
  /** The server process's peak RSS during the upload minus its RSS just before (bytes). */
  serverRssGrowth: number;
}

/** One upload of `size` bytes to `path`, measuring the server process's RSS growth. */
export async function measureUpload(server: UploadServer, path: string, size: number): Promise<MeasuredUpload> {
  const before = (await (await fetch(`${server.base}/__rss/reset`)).json()) as { rss: number };
  const result = await streamUploadOverHttp(`${server.base}${path}`, { size, cookie: server.cookie });
  const after = (await (await fetch(`${server.base}/__rss`)).json()) as { peak: number };
  const seconds = result.ms / 1000;
  return {
    status: result.status,
    body: result.body,
    sha256: result.sha256,
    seconds,
    mbPerSecond: size / (1024 * 1024) / seconds,
    serverRssGrowth: after.peak - before.rss,
  };
}
