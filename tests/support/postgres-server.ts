import type { ThrowawayCluster } from './postgres-cluster.ts';

export interface PostgresServer {
  /** postgres:// URL of the server, or '' when the DB tests run on PGlite only. */
  url: string;
  /** The throwaway cluster we started (stopped at the end), if any. */
  cluster: ThrowawayCluster | null;
}

export class NoPostgresInCiError extends Error {
  override name = 'NoPostgresInCiError';
}

/** CI=true (or 1) on the usual CI services; there a missing PostgreSQL fails the run. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const value = (env.CI ?? '').toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * The PostgreSQL server the DB tests run on: TEST_DATABASE_URL, else a throwaway cluster. Without
 * either, a local run warns loudly and goes on with PGlite only; a CI run throws, so a broken
 * PostgreSQL install can never turn into a green suite that tested one driver.
 */
export async function choosePostgresServer(
  env: Record<string, string | undefined>,
  startCluster: () => Promise<ThrowawayCluster | null>,
  warn: (message: string) => void = console.warn,
): Promise<PostgresServer> {
  if (env.TEST_DATABASE_URL) return { url: env.TEST_DATABASE_URL, cluster: null };
  let cluster: ThrowawayCluster | null = null;
  let reason = 'the PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin) are not installed';
  try {
    cluster = await startCluster();
  } catch (error) {
    reason = `the throwaway PostgreSQL cluster did not start: ${(error as Error).message.split('\n')[0]}`;
  }
  if (cluster) return { url: cluster.url, cluster };
  if (isCi(env)) {
    throw new NoPostgresInCiError(
      `CI needs a real PostgreSQL for the database tests, but ${reason}. Install postgresql-15 or set TEST_DATABASE_URL.`,
    );
  }
  warn(
    `\n\n*** WARNING: no PostgreSQL server (${reason}; set TEST_DATABASE_URL or install postgresql-15): database tests run on PGlite ONLY ***\n\n`,
  );
  return { url: '', cluster: null };
}
