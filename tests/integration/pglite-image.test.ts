/**
 * The migrated PGlite image a first start copies instead of running initdb and every migration
 * (core/src/db/pglite-image.ts). PGlite only: a PostgreSQL server has no first start of its own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildImage, copyImage, type Database, fingerprintOf, isNewPgliteDir, openDatabase, readImage, selectRows, testAppRole } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runTemplates } from '../support/test-db.ts';

const temp = mkdtempSync(join(tmpdir(), 'painel-image-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folderWith(name: string, files: Record<string, string>): string {
  const folder = join(temp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

async function scopeKeyOf(db: Database): Promise<string> {
  const [row] = await db.query<{ key: string }>(db.owner, sql`select encode(key, 'hex') as key from app_private.scope_key where id = 1`);
  return row!.key;
}

describe('the migrated PGlite image of a first start', () => {
  it('is fingerprinted by its migration sets (ids, files, contents) and the request role', () => {
    const journal = '{"entries":[]}';
    const core = folderWith('core', { '0000_a.sql': 'create table a ();', 'meta/_journal.json': journal });
    const plugin = folderWith('plugin', { '0000_b.sql': 'create table b ();' });
    const sets = [
      { id: 'core', folder: core },
      { id: 'support', folder: plugin },
    ];
    const base = fingerprintOf(sets, 'painel_app');
    expect(fingerprintOf(sets, 'painel_app'), 'the same files, the same fingerprint').toBe(base);
    expect(fingerprintOf(sets, 'outro_papel')).not.toBe(base);
    expect(fingerprintOf(sets.slice(0, 1), 'painel_app'), 'one plugin less').not.toBe(base);
    expect(fingerprintOf([sets[0]!, { id: 'migration', folder: plugin }], 'painel_app'), 'another plugin id').not.toBe(base);
    writeFileSync(join(plugin, '0000_b.sql'), 'create table b (id int);');
    expect(fingerprintOf(sets, 'painel_app'), 'an edited migration').not.toBe(base);
    writeFileSync(join(plugin, '0000_b.sql'), 'create table b ();');
    expect(fingerprintOf(sets, 'painel_app')).toBe(base);
    writeFileSync(join(plugin, '0001_c.sql'), 'create table c ();');
    expect(fingerprintOf(sets, 'painel_app'), 'a new migration').not.toBe(base);
  });

  it('is copied into a new data directory that opens with its own scope key, and ignored when another PGlite made it', async () => {
    const cacheDir = join(temp, 'cache');
    expect(await readImage(cacheDir), 'nothing built yet').toBeNull();
    const template = new Blob([new Uint8Array(readFileSync(runTemplates().pglite))]);
    const size = await buildImage({
      cacheDir,
      fingerprint: 'f1',
      prepare: async (dataDir) => {
        const db = await openDatabase({ dataDir, appRole: testAppRole, loadDataDir: template });
        await db.close();
      },
    });
    expect(size).toBeGreaterThan(1_000_000);
    const image = (await readImage(cacheDir))!;
    expect(image.manifest.fingerprint).toBe('f1');
    expect(isNewPgliteDir(image.dir)).toBe(false);

    const opened: Database[] = [];
    try {
      const open = async (name: string, rotateScopeKey: boolean) => {
        const dir = join(temp, name, 'pglite');
        expect(isNewPgliteDir(dir)).toBe(true);
        copyImage(image, dir);
        const db = await openDatabase({ dataDir: dir, appRole: testAppRole, rotateScopeKey });
        opened.push(db);
        return db;
      };
      const asCopied = await scopeKeyOf(await open('as-copied', false));
      const first = await open('first', true);
      const second = await open('second', true);
      const keys = [asCopied, await scopeKeyOf(first), await scopeKeyOf(second)];
      expect(new Set(keys).size, 'each copy signs scopes with a key of its own').toBe(3);
      const [users] = await first.scoped({ kind: 'platform' }, (tx) => selectRows<{ n: number }>(tx, sql`select count(*)::int as n from users`));
      expect(users!.n, 'the copy holds what the image held').toBeGreaterThan(0);
    } finally {
      for (const db of opened) await db.close();
    }

    const manifest = JSON.parse(readFileSync(join(cacheDir, 'pglite-image.json'), 'utf8'));
    writeFileSync(join(cacheDir, 'pglite-image.json'), JSON.stringify({ ...manifest, pgliteVersion: '0.0.1' }));
    expect(await readImage(cacheDir), 'made by another PGlite version').toBeNull();
    writeFileSync(join(cacheDir, 'pglite-image.json'), '{"pgliteVersion": "');
    expect(await readImage(cacheDir), 'a half-written manifest').toBeNull();
    writeFileSync(join(cacheDir, 'pglite-image.json'), JSON.stringify(manifest));
    expect((await readImage(cacheDir))?.manifest.fingerprint, 'the manifest as built').toBe('f1');
  }, 120_000);
});
