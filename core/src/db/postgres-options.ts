import type { Options } from 'postgres';

/**
 * postgres.js settings that let the app ride out a database restart: give up connecting after a few
 * seconds (requests get a 503 instead of hanging), and retry soon once the server is back (the default
 * backoff grows to 20 s after a few refused connections, which would keep every request waiting).
 */
export function postgresClientOptions(poolSize: number): Options<Record<string, never>> {
  return {
    max: poolSize,
    onnotice: () => {},
    connect_timeout: 3,
    backoff: (retries: number) => Math.min(0.5, 0.025 * 2 ** retries),
  };
}
