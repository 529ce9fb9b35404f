import { type Database, schema } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('support-access port on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const agentId = async () => {
    const [u] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'suporte@demo.test')),
    );
    return u!.id;
  };

  it('tells an agent, inside its own transaction, which bases have an active grant', async () => {
    const port = t.services.supportAccess.port!;
    expect(port).toBeTruthy();
    const userId = await agentId();
    const [centro, norte, scopeAfter] = await db.scoped({ kind: 'support', userId }, async (tx) => [
      await port.activeGrant(tx, { resellerId: 1, clinicId: 1001 }),
      await port.activeGrant(tx, { resellerId: 1, clinicId: 1002 }),
      await db.query<{ scope: string }>(tx, sql`select current_setting('app.scope', true) as scope`),
    ]);
    expect(centro?.endsAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(norte).toBeNull();
    expect((scopeAfter as { scope: string }[])[0]?.scope).toBe('support');
    t.clock.advance(25 * 3_600_000);
    const later = await db.scoped({ kind: 'support', userId }, (tx) => port.activeGrant(tx, { resellerId: 1, clinicId: 1001 }));
    expect(later).toBeNull();
  });

  it('files an access request for the base and notifies its gestores', async () => {
    const port = t.services.supportAccess.port!;
    const userId = await agentId();
    const { requestId } = await db.scoped({ kind: 'support', userId }, (tx) =>
      port.requestAccess(tx, {
        agentUserId: userId,
        agentName: 'Sérgio Suporte',
        agentEmail: 'suporte@demo.test',
        resellerId: 1,
        clinicId: 1001,
        reason: 'Chamado #77',
      }),
    );
    expect(requestId).toBeGreaterThan(0);
    const cookie = await t.login('clinica@demo.test');
    const page = await (await t.request('/acesso-suporte', { cookie })).text();
    expect(page).toContain('Chamado #77');
    const notes = await db.scoped({ kind: 'platform' }, (tx) =>
      tx
        .select()
        .from(schema.notifications)
        .where(and(eq(schema.notifications.kind, 'support_access.request'), eq(schema.notifications.clinicId, 1001))),
    );
    expect(notes.some((n) => n.body?.includes('Chamado #77'))).toBe(true);
    expect(port.enterPath({ resellerId: 1, clinicId: 1001 })).toBe('/suporte/bases');
  });

  it('emits grant.started and grant.ended for plugins after the gestor acts', async () => {
    const seen: string[] = [];
    t.services.events.on('grant.started', 'test', (p) => {
      seen.push(`started:${p.clinicId}`);
    });
    t.services.events.on('grant.ended', 'test', (p) => {
      seen.push(`ended:${p.clinicId}:${p.reason}`);
    });
    const cookie = await t.login('clinica@demo.test');
    // The demo grant expired when the first test moved the clock 25 h on: this is a fresh grant.
    const granted = await t.request('/acesso-suporte/conceder', { cookie, form: { duracao: '1h' } });
    expect(granted.status).toBe(303);
    const page = await (await t.request('/acesso-suporte', { cookie })).text();
    const grantId = /name="acesso" value="(\d+)"/.exec(page)?.[1];
    expect(grantId).toBeTruthy();
    const revoked = await t.request('/acesso-suporte/revogar', { cookie, form: { acesso: grantId! } });
    expect(revoked.status).toBe(303);
    expect(seen).toEqual(['started:1001', 'ended:1001:revoked']);
  });
});
