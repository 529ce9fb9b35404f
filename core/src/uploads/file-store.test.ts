import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoredFileNotFound } from './file-store.ts';
import { UploadArea } from './upload-area.ts';
import { FileTooLargeError } from './write-hashed.ts';

describe('a package file store', () => {
  let dataDir: string;
  let area: UploadArea;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'painel-store-'));
    area = new UploadArea(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const bytes = (s: string) => new TextEncoder().encode(s);

  it('writes, lists, reads back and deletes a file, under its own namespace only', async () => {
    const store = area.store('migracao');
    const kept = await store.put([bytes('linha 1\n'), bytes('linha 2\n')]);
    expect(kept.size).toBe(16);
    expect(kept.sha256).toBe(createHash('sha256').update('linha 1\nlinha 2\n').digest('hex'));
    expect(readdirSync(join(dataDir, 'files', 'migracao'))).toEqual([kept.id]);
    expect(await text(await store.read(kept.id))).toBe('linha 1\nlinha 2\n');
    expect((await store.list()).map((f) => [f.id, f.size])).toEqual([[kept.id, 16]]);
    expect(await area.store('outro').stat(kept.id)).toBeNull();
    expect(await store.delete(kept.id)).toBe(true);
    expect(await store.delete(kept.id)).toBe(false);
    expect(await store.stat(kept.id)).toBeNull();
    await expect(store.read(kept.id)).rejects.toBeInstanceOf(StoredFileNotFound);
  });

  it('takes ids only: a path, a dot or a separator names no file', async () => {
    const store = area.store('migracao');
    const sibling = await area.store('vizinho').put([bytes('segredo')]);
    for (const id of ['../vizinho/' + sibling.id, `..%2Fvizinho%2F${sibling.id}`, '/etc/passwd', '.', '..', '', `${sibling.id}/..`]) {
      expect(await store.stat(id)).toBeNull();
      expect(await store.delete(id)).toBe(false);
      await expect(store.read(id)).rejects.toBeInstanceOf(StoredFileNotFound);
    }
    expect(await area.store('vizinho').stat(sibling.id)).not.toBeNull();
    expect(() => area.store('../core')).toThrow(/namespace/);
    expect(() => area.store('Maiúsculas')).toThrow(/namespace/);
  });

  it('refuses a written file past its limit and leaves nothing behind', async () => {
    const store = area.store('migracao');
    await expect(store.put([bytes('12345'), bytes('6789')], { maxBytes: 8 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await store.list()).toEqual([]);
    expect(readdirSync(area.tempDir)).toEqual([]);
  });
});
