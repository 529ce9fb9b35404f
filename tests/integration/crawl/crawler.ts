/**
 * Crawls the app as one actor: from the home page (and the pages every signed-in user has), every link,
 * GET form and hx-get of each HTML page is fetched, breadth first, and every target (POST forms and
 * hx-post included) is collected. Pages with the same shape (ids replaced by ":n") are fetched at most
 * twice, so lists of many tickets or requests do not swamp the crawl. Logging out and ending one's
 * own sessions are collected but never followed.
 */
import type { TestApp } from '../../support/test-app.ts';
import { type Target, targetsOf } from './html-targets.ts';

export interface Fetched {
  target: Target;
  status: number;
  body: string;
}

export const NEVER_FOLLOW = [/^\/logout/, /^\/minhas-sessoes\/.+\/encerrar/, /^\/minhas-sessoes\/encerrar-outras/, /^\/login/, /^\/assets\//];

const shape = (url: string) => {
  const u = new URL(url, 'http://localhost');
  return `${u.pathname.replace(/\/[0-9a-f-]{1,36}(?=\/|$)/gi, (m) => (/\d/.test(m) ? '/:n' : m))}?${[...u.searchParams.keys()].sort().join('&')}`;
};

export const targetKey = (t: Target) => `${t.method} ${t.url} ${JSON.stringify(t.fields ?? [])} ${JSON.stringify(t.files ?? [])}`;

export async function crawl(
  t: TestApp,
  cookie: string | undefined,
  onPage: (page: Fetched) => void,
  options: { maxPages?: number; perShape?: number } = {},
): Promise<{ pages: number; targets: Target[] }> {
  const maxPages = options.maxPages ?? 250;
  const perShape = options.perShape ?? 2;
  const targets = new Map<string, Target>();
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue: Target[] = ['/', '/notificacoes', '/minhas-sessoes', '/ajuda'].map((url) => ({ method: 'GET', url, via: 'link' }));
  let pages = 0;
  while (queue.length > 0 && pages < maxPages) {
    const target = queue.shift()!;
    if (seen.has(target.url) || NEVER_FOLLOW.some((re) => re.test(target.url))) continue;
    seen.add(target.url);
    const s = shape(target.url);
    if ((shapes.get(s) ?? 0) >= perShape) continue;
    shapes.set(s, (shapes.get(s) ?? 0) + 1);
    const res = await t.request(target.url, { cookie, headers: target.via === 'hx-get' ? { 'hx-request': 'true' } : {} });
    const body = await res.text();
    pages++;
    onPage({ target, status: res.status, body });
    if (!(res.headers.get('content-type') ?? '').includes('text/html')) continue;
    for (const found of targetsOf(body, target.url)) {
      if (found.url.startsWith('/assets/')) continue;
      const key = targetKey(found);
      if (!targets.has(key)) targets.set(key, found);
      if (found.method === 'GET' && !seen.has(found.url)) queue.push(found);
    }
  }
  return { pages, targets: [...targets.values()] };
}
