import { describe, expect, it } from 'vitest';
import type { ThrowawayCluster } from './postgres-cluster.ts';
import { choosePostgresServer, isCi, NoPostgresInCiError } from './postgres-server.ts';

const cluster: ThrowawayCluster = { url: 'postgres://postgres@127.0.0.1:5999/postgres', stop: () => {} };
const notInstalled = async () => null;
const broken = async (): Promise<ThrowawayCluster | null> => {
  throw new Error('initdb: could not create directory\nmore detail');
};

describe('choosePostgresServer', () => {
  it('prefers TEST_DATABASE_URL, then a throwaway cluster', async () => {
    const url = 'postgres://u@db:5432/x';
    await expect(choosePostgresServer({ TEST_DATABASE_URL: url }, broken)).resolves.toEqual({ url, cluster: null });
    await expect(choosePostgresServer({}, async () => cluster)).resolves.toEqual({ url: cluster.url, cluster });
  });

  it('locally, warns loudly and goes on with PGlite only', async () => {
    const warnings: string[] = [];
    await expect(choosePostgresServer({}, broken, (m) => warnings.push(m))).resolves.toEqual({ url: '', cluster: null });
    await expect(choosePostgresServer({ CI: 'false' }, notInstalled, (m) => warnings.push(m))).resolves.toEqual({ url: '', cluster: null });
    expect(warnings[0]).toMatch(/WARNING: no PostgreSQL server \(the throwaway PostgreSQL cluster did not start: initdb: could not create directory;/);
    expect(warnings[1]).toMatch(/are not installed.*PGlite ONLY/);
  });

  it('in CI, fails the run with a clear message instead', async () => {
    for (const CI of ['true', '1']) {
      await expect(choosePostgresServer({ CI }, notInstalled, () => {})).rejects.toThrow(NoPostgresInCiError);
    }
    await expect(choosePostgresServer({ CI: 'true' }, broken, () => {})).rejects.toThrow(
      'CI needs a real PostgreSQL for the database tests, but the throwaway PostgreSQL cluster did not start: initdb: could not create directory. Install postgresql-15 or set TEST_DATABASE_URL.',
    );
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
