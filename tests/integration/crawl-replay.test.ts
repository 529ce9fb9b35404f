/**
 * Crawl-replay (issue 16): every page reachable from the navigation is crawled as each actor
 * (crawl/actors.ts) and every link, form, htmx request, CSV export and filter is collected; then every
 * one of them is replayed as every actor, as found and with its ids swapped to another singular's and
 * another base's objects (crawl/id-swap.ts). A response that shows a value of a tenant the actor may not
 * see (crawl/tenant-values.ts, crawl/visibility.ts) is a leak; a tenant row the actor may not change that
 * changed while its replays ran is a foreign write (each actor replays on its own fresh copy of the demo
 * database, forms submitted with the values they carry, so writes really happen); a 5xx is an error.
 * The figures go to data/test-reports/crawl-replay.json.
 */
import { type Database, defaultPlugins, loadPlugins, writeTestReport } from '@painel/core/testing';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { type Actor, actors, addCrawlData, profileOf } from './crawl/actors.ts';
import { crawl, NEVER_FOLLOW, targetKey } from './crawl/crawler.ts';
import type { Target } from './crawl/html-targets.ts';
import { objectIndex, swappedVariants } from './crawl/id-swap.ts';
import { changedTenants, rowHashes, tenantTables } from './crawl/row-hashes.ts';
import { leaksIn } from './crawl/leaks.ts';
import { collectTenantValues } from './crawl/tenant-values.ts';
import { mayWrite } from './crawl/visibility.ts';

interface Finding {
  actor: string;
  request: string;
  detail: string;
}

async function startApp(driver: Parameters<typeof openTestDatabase>[0]): Promise<{ db: Database; t: TestApp; close: () => Promise<void> }> {
  const db = await openTestDatabase(driver);
  const t = await createTestApp(db, { plugins: await loadPlugins(defaultPlugins) });
  await addCrawlData(db);
  return {
    db,
    t,
    close: async () => {
      await t.host.stop();
      await db.close();
    },
  };
}

async function signIn(t: TestApp, actor: Actor): Promise<string | undefined> {
  if (!actor.email) return undefined;
  const cookie = await t.session(actor.email);
  await actor.enter?.(t, cookie);
  return cookie;
}

function sentText(target: Target): string {
  let url = target.url;
  try {
    url = decodeURIComponent(target.url.replaceAll('+', ' '));
  } catch {
    // keep it encoded
  }
  return `${url} ${(target.fields ?? []).map(([, v]) => v).join(' ')}`;
}

async function send(t: TestApp, target: Target, cookie: string | undefined): Promise<Response> {
  const headers: Record<string, string> = target.via.startsWith('hx-') ? { 'hx-request': 'true' } : {};
  if (target.method === 'GET') return t.request(target.url, { cookie, headers });
  if (target.files) {
    const form = new FormData();
    for (const [name, value] of target.fields ?? []) form.append(name, value);
    for (const name of target.files) form.append(name, new File(['Nome;CNPJ\r\nClínica Replay;\r\n'], 'replay.csv', { type: 'text/csv' }));
    return t.request(target.url, { cookie, method: 'POST', body: form, headers });
  }
  const form: Record<string, string[]> = {};
  for (const [name, value] of target.fields ?? []) (form[name] ??= []).push(value);
  return t.request(target.url, { cookie, method: 'POST', form, headers });
}

/** Same method, same path shape (ids as ":n"), same query keys and field names: one of each is enough, the id swaps cover the rest. */
function representatives(targets: Target[], perShape = 1): Target[] {
  const count = new Map<string, number>();
  return targets.filter((target) => {
    const u = new URL(target.url, 'http://localhost');
    const key = [
      target.method,
      u.pathname.replace(/\/[0-9a-f-]*\d[0-9a-f-]*(?=\/|$)/gi, '/:n'),
      [...u.searchParams.keys()].sort().join('&'),
      (target.fields ?? []).map(([n]) => n).join('&'),
    ].join(' ');
    count.set(key, (count.get(key) ?? 0) + 1);
    return count.get(key)! <= perShape;
  });
}

const DESTRUCTIVE = /\/(desativar|remover|revogar|sair|cancelar|encerrar|alternar|reativar)(\/|$|\?)/;
/** GETs first, then POSTs, the ones that end or take something away last (they would hide later findings). */
const order = (target: Target) => (target.method === 'GET' ? 0 : DESTRUCTIVE.test(target.url) ? 2 : 1);

// PostgreSQL only: on PGlite every fresh copy of the database costs seconds of WebAssembly start-up.
describe.each(testDrivers().filter((d) => d === 'postgres'))('crawl-replay on %s', (driver) => {
  it('shows no actor a value of a tenant it may not see and changes no row of one', { timeout: 1_200_000 }, async () => {
    const started = performance.now();
    const leaks: Finding[] = [];
    const writes: Finding[] = [];
    const errors: Finding[] = [];

    // 1. Crawl, every actor on one copy (GET only).
    const first = await startApp(driver);
    const values = await collectTenantValues(first.db);
    const index = await objectIndex(first.db);
    const tables = await tenantTables(first.db);
    const targets = new Map<string, Target>();
    let pagesCrawled = 0;
    const crawled = new Set<string>();
    const perActor: Record<string, { pages: number; targets: number }> = {};
    try {
      for (const actor of actors) {
        const profile = await profileOf(first.db, first.t, actor);
        const cookie = await signIn(first.t, actor);
        const result = await crawl(first.t, cookie, (page) => {
          if (page.status === 200) crawled.add(page.target.url.split('?')[0]!);
          if (page.status >= 500) errors.push({ actor: actor.name, request: `GET ${page.target.url}`, detail: `status ${page.status}` });
          for (const value of leaksIn(page.body, values, profile, sentText(page.target))) leaks.push({ actor: actor.name, request: `GET ${page.target.url}`, detail: value });
        });
        pagesCrawled += result.pages;
        perActor[actor.name] = { pages: result.pages, targets: result.targets.length };
        for (const target of result.targets) if (!NEVER_FOLLOW.some((re) => re.test(target.url))) targets.set(targetKey(target), target);
      }
    } finally {
      await first.close();
    }
    const crawlSeconds = Math.round((performance.now() - started) / 1000);
    const collected = [...targets.values()];
    const replayable = new Map<string, Target>();
    for (const target of representatives(collected)) {
      replayable.set(targetKey(target), target);
      for (const variant of swappedVariants(target, index, 3)) replayable.set(targetKey(variant), variant);
    }
    const plan = [...replayable.values()].sort((a, b) => order(a) - order(b));

    // 2. Replay everything as every actor, each on a fresh copy, with the tenants' rows hashed around it.
    let replays = 0;
    // The platform admin sees and may change every tenant: replaying as it could find neither.
    for (const actor of actors.filter((a) => a.name !== 'platform')) {
      const app = await startApp(driver);
      try {
        const profile = await profileOf(app.db, app.t, actor);
        let cookie = await signIn(app.t, actor);
        const before = await rowHashes(app.db, tables);
        // What the actor itself sent may come back from its own tenant (a base renamed to another's name).
        let sent = '';
        for (const target of plan) {
          sent += ` ${sentText(target)}`;
          const res = await send(app.t, target, cookie);
          const body = await res.text();
          replays++;
          const request = `${target.method} ${target.url}${target.fields ? ` ${JSON.stringify(target.fields)}` : ''}`;
          if (res.status >= 500) errors.push({ actor: actor.name, request, detail: `status ${res.status}: ${body.slice(0, 200)}` });
          for (const value of leaksIn(body, values, profile, sent)) leaks.push({ actor: actor.name, request, detail: value });
          // A replay that ended the actor's own session (a deactivation, a switch gone wrong) signs in again.
          if (cookie && (res.headers.get('location') ?? '').startsWith('/login')) cookie = await signIn(app.t, actor).catch(() => cookie);
        }
        const after = await rowHashes(app.db, tables);
        for (const change of changedTenants(before, after)) {
          if (!mayWrite(profile, change.table, change.tenant)) {
            writes.push({ actor: actor.name, request: change.table, detail: `singular ${change.tenant.reseller}, base ${change.tenant.clinic ?? '—'}` });
          }
        }
      } finally {
        await app.close();
      }
    }

    const report = {
      driver,
      actors: actors.map((a) => a.name),
      pagesCrawled,
      formsCollected: collected.filter((t) => t.method === 'POST' || t.via === 'form').length,
      targetsCollected: collected.length,
      replays,
      leaks: leaks.length,
      foreignWrites: writes.length,
      serverErrors: errors.length,
      seconds: Math.round((performance.now() - started) / 1000),
      crawlSeconds,
      perActor,
      findings: { leaks: leaks.slice(0, 50), writes: writes.slice(0, 50), errors: errors.slice(0, 50) },
    };
    writeTestReport('crawl-replay', report);
    expect(pagesCrawled).toBeGreaterThan(100);
    // The default plugins' pages are part of it.
    for (const prefix of ['/p/support/', '/p/migration/', '/usuarios', '/bases', '/conteudos', '/suporte/bases', '/acesso-suporte']) {
      expect([...crawled].some((url) => url.startsWith(prefix)), prefix).toBe(true);
    }
    expect(leaks, 'responses showing another tenant’s values').toEqual([]);
    expect(writes, 'rows changed in tenants the actor may not write').toEqual([]);
    expect(errors, '5xx answers').toEqual([]);
  });
});
