import { type Database, PluginMigrationError, prepareDatabase } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import brokenPlugin from '../fixture-plugin/variants/broken-migration/index.ts';
import oldStampPlugin from '../fixture-plugin/variants/old-stamp/index.ts';
import { appModules } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

async function one<R>(db: Database, query: ReturnType<typeof sql>): Promise<R> {
  return (await db.query<R>(db.owner, query))[0]!;
}

const schemaExists = (db: Database, name: string) =>
  one<{ n: number }>(db, sql`select count(*)::int as n from pg_namespace where nspname = ${name}`).then((r) => r.n === 1);
const tableExists = (db: Database, qualified: string) =>
  one<{ t: string | null }>(db, sql`select to_regclass(${qualified})::text as t`).then((r) => r.t !== null);
const appliedIn = (db: Database, table: string) =>
  one<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier('drizzle')}.${sql.identifier(table)}`).then((r) => r.n);

describe.each(testDrivers())('plugin migrations on %s', (driver) => {
  let db: Database;
  beforeEach(async () => {
    db = await openTestDatabase(driver);
  });
  afterEach(async () => {
    await db.close();
  });

  it('applies each plugin’s set in its own schema and table, idempotently', async () => {
    const modules = await appModules();
    const coreBefore = await appliedIn(db, '__migrations_core');
    await prepareDatabase(db, modules, [fixturePlugin]);
    await prepareDatabase(db, modules, [fixturePlugin]);
    expect(await appliedIn(db, '__migrations_fixture_plugin')).toBe(3);
    expect(await appliedIn(db, '__migrations_core')).toBe(coreBefore);
    expect(await tableExists(db, 'fixture_plugin.notes')).toBe(true);
    expect(await tableExists(db, 'public.notes')).toBe(false);
    const usage = await one<{ ok: boolean }>(db, sql`select has_schema_privilege('painel_app', 'fixture_plugin', 'usage') as ok`);
    expect(usage.ok).toBe(true);
  });

  it('runs a plugin migration stamped before core’s latest (its own table, nothing skipped)', async () => {
    await prepareDatabase(db, await appModules(), [oldStampPlugin]);
    expect(await appliedIn(db, '__migrations_old_stamp')).toBe(1);
    expect(await tableExists(db, 'old_stamp.items')).toBe(true);
  });

  it('stops on a failing plugin migration, names the plugin and leaves nothing of it behind', async () => {
    const modules = await appModules();
    const error = await prepareDatabase(db, modules, [fixturePlugin, brokenPlugin]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginMigrationError);
    const message = (error as Error).message;
    expect(message).toMatch(/^As migrações do plugin "broken-plugin" falharam \(nada desse plugin foi alterado no banco\): /);
    expect(message).toContain('does_not_exist');
    expect(message).not.toContain('\n');
    // Its first migration (valid) ran in the same transaction as the broken one: rolled back too.
    expect(await schemaExists(db, 'broken_plugin')).toBe(false);
    expect(await tableExists(db, 'drizzle.__migrations_broken_plugin')).toBe(false);
    // The plugin configured before it is complete and stays applied.
    expect(await appliedIn(db, '__migrations_fixture_plugin')).toBe(3);
    // Retrying fails the same way, still without leftovers.
    await expect(prepareDatabase(db, modules, [brokenPlugin])).rejects.toThrow(/"broken-plugin"/);
    expect(await schemaExists(db, 'broken_plugin')).toBe(false);
  });

  it('refuses a plugin that would share a built-in module’s migrations table', async () => {
    const modules = await appModules();
    const clash = { ...fixturePlugin, id: modules[0]!.id };
    await expect(prepareDatabase(db, modules, [clash])).rejects.toThrow(/usa o id de um módulo interno/);
  });
});
