/**
 * A server in a process of its own, so that its RSS is the upload's alone (tests and `npm run
 * bench:upload` measure it). Prints one JSON line `{ "port": …, "cookie": … }` once listening.
 *
 *   bare <dir>   a bare node:http server piping each request body into a file of <dir> (the baseline)
 *   app          the whole app with the fixture plugin; UPLOAD_DB_URL (a PostgreSQL database to use),
 *                UPLOAD_PGLITE_TEMPLATE (a PGlite dump to load) or neither (a fresh in-memory PGlite,
 *                migrated and demo-seeded here); DATA_DIR for the uploads.
 *
 * Both answer GET /__rss with `{ rss, peak }` (bytes, sampled every 5 ms) and GET /__rss/reset.
 */
import { readFileSync, createWriteStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { getRequestListener } from '@hono/node-server';
import {
  createApp,
  createLogger,
  createServices,
  loadConfig,
  openDatabase,
  prepareDatabase,
  seedDemoIfEmpty,
  systemClock,
} from '@painel/core/testing';
import fixturePlugin from '../../fixture-plugin/src/index.ts';
import { createSession } from '../../support/session-fixture.ts';
import { appModules } from '../../support/test-app.ts';
import { testAppRole, testEnv } from '../../support/templates.ts';

let peak = process.memoryUsage.rss();
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 5).unref();

/** The /__rss probe in front of a handler. */
function withProbe(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/__rss' || req.url === '/__rss/reset') {
      const rss = process.memoryUsage.rss();
      if (req.url === '/__rss/reset') peak = rss;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rss, peak: Math.max(peak, rss) }));
      return;
    }
    handler(req, res);
  };
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, cookie = ''): void {
  const server = createServer(withProbe(handler));
  server.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port, cookie }));
  });
}

async function bare(dir: string): Promise<void> {
  let n = 0;
  listen((req, res) => {
    const file = join(dir, `bare-${process.pid}-${++n}.bin`);
    pipeline(req, createWriteStream(file))
      .then(() => res.writeHead(200).end('ok'))
      .catch(() => res.writeHead(500).end('falhou'));
  });
}

async function app(): Promise<void> {
  const url = process.env.UPLOAD_DB_URL;
  const template = process.env.UPLOAD_PGLITE_TEMPLATE;
  const db = url
    ? await openDatabase({ url, appRole: testAppRole, poolSize: 4 })
    : await openDatabase({ dataDir: 'memory://', appRole: testAppRole, ...(template ? { loadDataDir: new Blob([readFileSync(template)]) } : {}) });
  const config = loadConfig({ ...testEnv, DATA_DIR: process.env.DATA_DIR ?? testEnv.DATA_DIR, LOG_LEVEL: 'warn' });
  const modules = await appModules();
  const services = createServices(config, db, systemClock, createLogger(config));
  await prepareDatabase(db, modules, [fixturePlugin]);
  if (!url && !template) await seedDemoIfEmpty(services, modules);
  const { app, plugins } = createApp(services, modules, [fixturePlugin]);
  await plugins.start();
  listen(getRequestListener(app.fetch), await createSession(services, 'clinica@demo.test'));
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'bare' && dir) await bare(dir);
else if (mode === 'app') await app();
else throw new Error('usage: upload-server.ts bare <dir> | app');
