import { type Database, formatDateTime } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const itemsOf = (html: string) =>
  [...html.matchAll(/<li class="(read|unread)" data-testid="notification">([\s\S]*?)<\/li>/g)].map(([, state, inner]) => ({
    state,
    title: /<strong>([^<]*)<\/strong>/.exec(inner!)?.[1],
    isNew: inner!.includes('>nova<'),
    link: /<a href="([^"]*)">Abrir<\/a>/.exec(inner!)?.[1] ?? null,
    when: /<small class="muted">([^<]*)<\/small>/.exec(inner!)?.[1],
  }));

const bellOf = (html: string) => /<a href="\/notificacoes" class="bell" aria-label="([^"]*)"/.exec(html)?.[1];

describe.each(testDrivers())('notifications on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('lists a user’s notifications newest first, counts the unread in the bell, and marks them read', async () => {
    const cookie = await t.session('vizinha@demo.test');
    const other = await t.session('singular@demo.test');
    const userId = async (email: string) => {
      const [row] = await db.query<{ id: string }>(db.owner, sql`select id::text as id from users where email = ${email}`);
      return Number(row!.id);
    };
    const me = await userId('vizinha@demo.test');
    const notify = (title: string, extra: { body?: string; link?: string } = {}) =>
      db.scoped({ kind: 'platform' }, (tx) => t.services.notifications.notify(tx, [{ userId: me, kind: 'teste', title, ...extra }]));
    await notify('Primeira', { body: 'Texto da primeira' });
    t.clock.advance(60_000);
    await notify('Segunda', { link: '/bases/2001' });
    t.clock.advance(60_000);
    await notify('Terceira <b>&</b>');

    const page = await (await t.request('/notificacoes', { cookie })).text();
    const items = itemsOf(page);
    expect(items.map((i) => i.title)).toEqual(['Terceira &lt;b&gt;&amp;&lt;/b&gt;', 'Segunda', 'Primeira']);
    expect(items.every((i) => i.state === 'unread' && i.isNew)).toBe(true);
    expect(items[1]!.link).toBe('/bases/2001');
    expect(items[0]!.link).toBeNull();
    expect(items[2]!.when, 'a pt-BR date and time').toMatch(/^\d{2}\/\d{2}\/\d{4},? \d{2}:\d{2}/);
    expect(page).toContain('<p>Texto da primeira</p>');
    expect(bellOf(page)).toBe('Notificações: 3 não lidas');
    expect(page).toContain('Marcar todas como lidas');
    expect(itemsOf(await (await t.request('/notificacoes', { cookie: other })).text()), 'another user sees none of them').toEqual([]);
    // A notification written after the fact (demo data) carries the time of its event and sorts by it.
    const earlier = new Date(t.clock.now().getTime() - 3_600_000);
    await db.scoped({ kind: 'platform' }, (tx) => t.services.notifications.notify(tx, [{ userId: me, kind: 'teste', title: 'Antiga', at: earlier }]));
    const withOld = itemsOf(await (await t.request('/notificacoes', { cookie })).text());
    expect(withOld.map((i) => i.title)).toEqual(['Terceira &lt;b&gt;&amp;&lt;/b&gt;', 'Segunda', 'Primeira', 'Antiga']);
    expect(withOld[3]!.when).toBe(formatDateTime(earlier));

    const marked = await t.request('/notificacoes/marcar-lidas', { method: 'POST', cookie });
    expect(marked.status).toBe(303);
    const after = await (await t.request('/notificacoes', { cookie })).text();
    expect(itemsOf(after).map((i) => [i.state, i.isNew])).toEqual([
      ['read', false],
      ['read', false],
      ['read', false],
      ['read', false],
    ]);
    expect(bellOf(after)).toBe('Notificações: nenhuma nova');
    expect(after).not.toContain('Marcar todas como lidas');
  });
});
