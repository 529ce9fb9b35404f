import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The app as `npm start` runs it, in a child process. */
export interface AppProcess {
  proc: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

export function startAppProcess(env: Record<string, string>, port: number): AppProcess {
  let out = '';
  // node --import tsx (rather than the tsx CLI) so signals reach the app itself.
  const proc = spawn(process.execPath, [...(process.env.APP_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.APP_PROFILE_DIR}`] : []), '--import', 'tsx', 'core/src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export async function waitHealthy(s: AppProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${s.base}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (s.proc.exitCode !== null) throw new Error(`server exited: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy in time: ${s.output()}`);
}

/** Logs in through the form; returns the session cookie. */
export async function loginTo(s: AppProcess, email: string, password = 'demo1234'): Promise<string> {
  const res = await fetch(`${s.base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: s.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
