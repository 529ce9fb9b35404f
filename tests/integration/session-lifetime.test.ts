/**
 * Sessions (SPEC: sessions end after 30 min without activity and 12 h after sign-in, whatever the
 * activity), on a fake clock, with the product's default settings; and "Minhas sessões": a user ends
 * another of their sessions on one app instance and that session is refused at once on another
 * instance of the same database (two connection pools on PostgreSQL).
 */
import { type Database, ManualClock, openDatabase } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInstant, testAppRole, withDatabase } from '../support/templates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, postgresServerUrl, testDrivers } from '../support/test-db.ts';

const minute = 60_000;

/** 200: signed in; a redirect to the login page: the session is gone. */
async function signedIn(t: TestApp, cookie: string): Promise<boolean> {
  const res = await t.request('/notificacoes', { cookie });
  if (res.status === 200) return true;
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toMatch(/^\/login/);
  return false;
}

describe.each(testDrivers())('session lifetime and "Minhas sessões" across instances on %s', (driver) => {
  let db: Database;
  let second: Database;
  let clock: ManualClock;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    if (driver === 'postgres') {
      const [row] = await db.query<{ name: string }>(db.owner, sql`select current_database() as name`);
      second = await openDatabase({ url: withDatabase(postgresServerUrl(), row!.name), appRole: testAppRole, poolSize: 2 });
    } else {
      second = db; // PGlite is in-process: both instances share the one embedded database.
    }
    clock = new ManualClock(seedInstant);
    a = await createTestApp(db, { clock });
    b = await createTestApp(second, { clock });
  });
  afterAll(async () => {
    if (second !== db) await second.close();
    await db.close();
  });

  it('uses 30 minutes idle and 12 hours absolute by default', () => {
    expect(a.services.config.sessionIdleMs).toBe(30 * minute);
    expect(a.services.config.sessionAbsoluteMs).toBe(12 * 60 * minute);
  });

  it('ends a session after 30 minutes without a request, not before', async () => {
    const cookie = await a.session('clinica@demo.test');
    clock.advance(30 * minute - 1);
    expect(await signedIn(a, cookie)).toBe(true); // the idle clock restarts here
    clock.advance(30 * minute - 1);
    expect(await signedIn(b, cookie)).toBe(true);
    clock.advance(30 * minute);
    expect(await signedIn(b, cookie)).toBe(false);
    expect(await signedIn(a, cookie)).toBe(false); // deleted, not only refused
  });

  it('ends an active session 12 hours after it began, however busy', async () => {
    const cookie = await a.session('medico@demo.test');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; ) {
      clock.advance(20 * minute);
      elapsed += 20;
      expect(await signedIn(elapsed % 40 === 0 ? a : b, cookie), `after ${elapsed} min`).toBe(true);
    }
    clock.advance(20 * minute - 1); // 11 h 59 min 59.999 s
    expect(await signedIn(a, cookie)).toBe(true);
    clock.advance(1);
    expect(await signedIn(b, cookie)).toBe(false);
  });

  it('ends one of your other sessions from "Minhas sessões" on one instance: refused at once on the other', async () => {
    const here = await a.session('singular@demo.test');
    const there = await b.session('singular@demo.test');
    const other = await b.session('vizinha@demo.test');
    expect(await signedIn(b, there)).toBe(true);
    const page = await (await a.request('/minhas-sessoes', { cookie: here })).text();
    const handles = [...page.matchAll(/action="\/minhas-sessoes\/([0-9a-f]{16})\/encerrar"/g)].map((m) => m[1]!);
    expect(handles).toHaveLength(1); // the other session; the current one has no "Encerrar"
    const handle = handles[0]!;
    // Someone else cannot end it.
    expect((await b.request(`/minhas-sessoes/${handle}/encerrar`, { cookie: other, method: 'POST' })).status).toBe(404);
    expect(await signedIn(b, there)).toBe(true);

    const ended = await a.request(`/minhas-sessoes/${handle}/encerrar`, { cookie: here, method: 'POST' });
    expect(ended.status).toBe(303);
    expect(ended.headers.get('location')).toBe('/minhas-sessoes');
    expect(await signedIn(b, there)).toBe(false);
    expect(await signedIn(a, there)).toBe(false);
    expect(await signedIn(b, here)).toBe(true);
    expect(await signedIn(b, other)).toBe(true);
  });
});
