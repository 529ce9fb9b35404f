import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinModules, loadModules } from '@painel/core/testing';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startThrowawayCluster } from './postgres-cluster.ts';
import { choosePostgresServer, type PostgresServer } from './postgres-server.ts';
import { buildPgliteTemplate, buildPostgresTemplate } from './templates.ts';
import { testModules } from './test-modules.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresServerUrl: string;
    postgresTemplate: string;
  }
}

interface SharedTemplates {
  pglite?: Promise<string>;
  postgres?: Promise<{ server: PostgresServer; template: string }>;
  users: number;
  cleanup: Array<() => Promise<void> | void>;
}

/**
 * The database and browser projects both use this setup; vitest runs it once per project, in the
 * same process, so the templates are built once and shared (the last teardown removes them).
 */
const shared: SharedTemplates = ((globalThis as { __painelTemplates?: SharedTemplates }).__painelTemplates ??= { users: 0, cleanup: [] });

function pgliteTemplate(): Promise<string> {
  shared.pglite ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'painel-test-'));
    shared.cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'template.tar');
    await buildPgliteTemplate(file, await loadModules([...builtinModules, ...testModules]));
    return file;
  })();
  return shared.pglite;
}

function postgresTemplate(): Promise<{ server: PostgresServer; template: string }> {
  shared.postgres ??= (async () => {
    const server = await choosePostgresServer(process.env, startThrowawayCluster);
    const template = server.url ? `painel_template_${process.pid}` : '';
    if (server.url) {
      const where = new URL(server.url);
      console.log(`Database tests run on PGlite and on PostgreSQL at ${where.host}${server.cluster ? ' (throwaway cluster)' : ''}.`);
      shared.cleanup.push(async () => {
        if (server.cluster) return server.cluster.stop();
        const admin = postgres(server.url, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists "${template}" with (force)`);
        await admin.end();
      });
      await buildPostgresTemplate(server.url, template, await loadModules([...builtinModules, ...testModules]));
    }
    return { server, template };
  })();
  return shared.postgres;
}

/**
 * Before the database or browser tests: a migrated + demo-seeded template per driver. The browser
 * project needs PGlite only; the database project also a PostgreSQL (TEST_DATABASE_URL, else a
 * throwaway local cluster; without either, PGlite only — except in CI, where that fails the run).
 */
export default async function setup(project: TestProject) {
  shared.users += 1;
  const withPostgres = project.name !== 'browser';
  const [pgliteFile, pg] = await Promise.all([pgliteTemplate(), withPostgres ? postgresTemplate() : Promise.resolve(null)]);
  project.provide('pgliteTemplate', pgliteFile);
  project.provide('postgresServerUrl', pg?.server.url ?? '');
  project.provide('postgresTemplate', pg?.template ?? '');

  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    for (const step of shared.cleanup.reverse()) await step();
    shared.cleanup = [];
  };
}
