import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from './screen-router.ts';

const require = createRequire(import.meta.url);
const own = (name: string) => new URL(`../../assets/${name}`, import.meta.url);

/** The only files served: our CSS/JS/icon and the vendored Pico CSS and htmx from node_modules. */
const assets: Record<string, { file: string | URL; type: string }> = {
  'pico.min.css': { file: require.resolve('@picocss/pico/css/pico.green.min.css'), type: 'text/css; charset=utf-8' },
  'htmx.min.js': { file: require.resolve('htmx.org/dist/htmx.min.js'), type: 'text/javascript; charset=utf-8' },
  'app.css': { file: own('app.css'), type: 'text/css; charset=utf-8' },
  'app.js': { file: own('app.js'), type: 'text/javascript; charset=utf-8' },
  'upload-progress.js': { file: own('upload-progress.js'), type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { file: own('favicon.svg'), type: 'image/svg+xml' },
};

export function staticAssetRoutes(router: ScreenRouter, services: CoreServices): void {
  const cache = new Map<string, Uint8Array>();
  const load = (name: string): Uint8Array | null => {
    const asset = assets[name];
    if (!asset) return null;
    let body = cache.get(name);
    if (!body) {
      body = new Uint8Array(readFileSync(asset.file));
      if (services.config.env === 'production') cache.set(name, body);
    }
    return body;
  };
  router.get('/assets/:name', { permission: 'public', dataClass: 'general' }, (c) => {
    const name = c.req.param('name') ?? '';
    const body = load(name);
    if (!body) return c.notFound();
    c.header('Content-Type', assets[name]!.type);
    c.header('Cache-Control', services.config.env === 'production' ? 'public, max-age=3600' : 'no-cache');
    return c.body(body as Uint8Array<ArrayBuffer>);
  });
}
