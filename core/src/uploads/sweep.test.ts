import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadArea } from './upload-area.ts';
import { defineCoreJobs, uploadSweepEveryMinutes } from '../jobs/core-jobs.ts';

describe('sweeping abandoned temp uploads', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('removes temp files older than an hour and leaves newer ones, other files and kept files alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'painel-sweep-'));
    dirs.push(dataDir);
    const area = new UploadArea(dataDir);
    const now = new Date('2026-03-02T12:00:00Z');
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
    const old = await area.newTempFile();
    const fresh = await area.newTempFile();
    writeFileSync(old.path, 'x'.repeat(100));
    writeFileSync(fresh.path, 'y');
    writeFileSync(join(area.tempDir, 'leia-me.txt'), 'not a temp upload');
    utimesSync(old.path, at(61), at(61));
    utimesSync(fresh.path, at(59), at(59));
    utimesSync(join(area.tempDir, 'leia-me.txt'), at(600), at(600));
    const kept = await area.store('fixture-plugin').put([new TextEncoder().encode('kept')]);

    expect(await area.sweep({ now })).toEqual({ removed: 1, bytes: 100 });
    expect(readdirSync(area.tempDir).sort()).toEqual([`${fresh.id}.part`, 'leia-me.txt'].sort());
    expect(await area.store('fixture-plugin').stat(kept.id)).not.toBeNull();
    expect(await area.sweep({ now, olderThanMs: 30 * 60_000 })).toEqual({ removed: 1, bytes: 1 });
  });

  it('treats a missing temp folder as empty', async () => {
    const area = new UploadArea(join(tmpdir(), `painel-sweep-none-${process.pid}-${Date.now()}`));
    expect(await area.sweep()).toEqual({ removed: 0, bytes: 0 });
  });
});

describe('the core job uploads-sweep', () => {
  it('is a periodic core job that sweeps the temp folder as of its run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'painel-sweep-job-'));
    try {
      const area = new UploadArea(dataDir);
      const defined: { kind: string; handler: (run: unknown) => Promise<void>; options: { schedule?: unknown } }[] = [];
      const queue = { define: (kind: string, handler: (run: unknown) => Promise<void>, options: { schedule?: unknown }) => defined.push({ kind, handler, options }) };
      defineCoreJobs(queue as unknown as Parameters<typeof defineCoreJobs>[0], area);
      const job = defined.find((d) => d.kind === 'uploads-sweep');
      expect(job?.options.schedule).toEqual({ everyMinutes: uploadSweepEveryMinutes });
      const file = await area.newTempFile();
      writeFileSync(file.path, 'x'.repeat(2048));
      const startedAt = new Date(Date.now() + 2 * 3600_000);
      const messages: string[] = [];
      await job!.handler({ startedAt, progress: async (_p: number, m: string) => void messages.push(m) });
      expect(readdirSync(area.tempDir)).toEqual([]);
      expect(messages).toEqual(['1 envio abandonado removido (2 KB).']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
