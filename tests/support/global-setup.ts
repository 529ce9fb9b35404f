import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModules, loadModules } from '@painel/core/testing';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster, type ThrowawayCluster } from './postgres-cluster.ts';
import { buildPgliteTemplate, buildPostgresTemplate } from './templates.ts';
import { testModules } from './test-modules.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresServerUrl: string;
    postgresTemplate: string;
  }
}

/**
 * Before the suite: a migrated + demo-seeded template for each driver. PostgreSQL comes from
 * TEST_DATABASE_URL, else a throwaway local cluster; without either, DB tests run on PGlite only.
 */
export default async function setup(project: TestProject) {
  const modules = await loadModules([...builtinModules, ...testModules]);
  const dir = mkdtempSync(join(tmpdir(), 'painel-test-'));
  const pgliteFile = join(dir, 'template.tar');
  let cluster: ThrowawayCluster | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL ?? '';
  if (!serverUrl) {
    try {
      cluster = await startThrowawayCluster();
      serverUrl = cluster?.url ?? '';
    } catch (error) {
      console.warn(`Could not start a throwaway PostgreSQL cluster: ${(error as Error).message}`);
    }
  }
  if (!serverUrl) {
    console.warn(
      '\n\n*** WARNING: no PostgreSQL server (set TEST_DATABASE_URL or install postgresql-15): database tests run on PGlite ONLY ***\n\n',
    );
  }
  if (serverUrl) {
    const where = new URL(serverUrl);
    console.log(`Database tests run on PGlite and on PostgreSQL at ${where.host}${cluster ? ' (throwaway cluster)' : ''}.`);
  }
  const templateName = `painel_template_${process.pid}`;
  await Promise.all([
    buildPgliteTemplate(pgliteFile, modules),
    serverUrl ? buildPostgresTemplate(serverUrl, templateName, modules) : Promise.resolve(),
  ]);
  project.provide('pgliteTemplate', pgliteFile);
  project.provide('postgresServerUrl', serverUrl);
  project.provide('postgresTemplate', serverUrl ? templateName : '');

  return async () => {
    if (serverUrl && !cluster) {
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists "${templateName}" with (force)`);
      await admin.end();
    }
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
