import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureUpload, startUploadServer, type UploadServer } from '../bench/upload/upload-client.ts';
import { sharedPostgresCopy } from '../fixture-plugin/harness.ts';
import { testDrivers } from '../support/test-db.ts';
import { tempDataDir } from '../support/uploads.ts';

const MiB = 1024 * 1024;
/**
 * Issue 11: a 200 MB upload with the server's RSS growing < 64 MB (`npm run bench:upload` runs that).
 * Here 30 MB, and at most half of it on top of what a bare node:http server piping the same bytes to a
 * file grows in the same run (Node frees socket Buffers only at its next collection, so any stream grows
 * by tens of MB first, and by a few MB more or less from one run to the next: a 9.6 MB margin, the
 * bench's proportion, failed on noise alone). Reading the body whole would add the whole 30 MB, more
 * than the margin; the absolute 64 MB stays too.
 */
const size = 30 * MiB;
const bound = size / 2;

describe.each(testDrivers())('a large upload to a server process of its own on %s', (driver) => {
  let app: UploadServer;
  let bare: UploadServer;
  let drop = async () => {};
  const data = tempDataDir();

  beforeAll(async () => {
    const env: Record<string, string> = { DATA_DIR: data.dir };
    if (driver === 'postgres') {
      const copy = (await sharedPostgresCopy())!;
      env.UPLOAD_DB_URL = copy.url;
      drop = copy.drop;
    } else {
      env.UPLOAD_PGLITE_TEMPLATE = inject('pgliteTemplate');
    }
    [app, bare] = await Promise.all([startUploadServer(['app'], env), startUploadServer(['bare', data.dir])]);
  }, 240_000);
  afterAll(async () => {
    await app?.stop();
    await bare?.stop();
    await drop();
    data.remove();
  });

  it(`streams ${size / MiB} MB to disk, hashed right, growing less than the bare pipe + ${(bound / MiB).toFixed(1)} MB`, { timeout: 180_000 }, async () => {
    // Warm both up (modules, JIT, pools) so the measured runs see only the upload.
    expect((await measureUpload(app, '/p/fixture-plugin/importacao', MiB)).status).toBe(200);
    expect((await measureUpload(bare, '/', MiB)).status).toBe(200);
    const baseline = await measureUpload(bare, '/', size);
    const result = await measureUpload(app, '/p/fixture-plugin/importacao', size);
    expect(result.status).toBe(200);
    expect(result.body).toContain(`data-sha256="${result.sha256}" data-size="${size}"`);
    const mb = (n: number) => (n / MiB).toFixed(1);
    console.log(
      `${size / MiB} MB on ${driver}: app ${result.mbPerSecond.toFixed(0)} MB/s, RSS +${mb(result.serverRssGrowth)} MB; ` +
        `bare pipe ${baseline.mbPerSecond.toFixed(0)} MB/s, RSS +${mb(baseline.serverRssGrowth)} MB`,
    );
    expect(result.serverRssGrowth).toBeLessThan(Math.max(baseline.serverRssGrowth, 0) + bound);
    expect(result.serverRssGrowth).toBeLessThan(64 * MiB);
    expect(data.files('uploads-tmp')).toEqual([]);
  });

  it('answers 413 over real HTTP when the file passes the route limit, and keeps nothing', { timeout: 60_000 }, async () => {
    const stored = data.files('files', 'fixture-plugin').length;
    const result = await measureUpload(app, '/p/fixture-plugin/anexos', 2 * MiB);
    expect(result.status).toBe(413);
    expect(result.body).toContain('passa do limite de 1 MB');
    expect(data.files('files', 'fixture-plugin').length).toBe(stored);
    expect(data.files('uploads-tmp')).toEqual([]);
  });
});
