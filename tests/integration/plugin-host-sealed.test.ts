import { type Database, definePlugin, type PluginContext, PluginScopeError, schema } from '@painel/core/testing';
import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

/** A plugin whose route tries each scope by name through c.get('tx'); test-only, never shipped. */
const sealProbe = definePlugin({
  id: 'seal-probe',
  version: '1.0.0',
  displayName: 'Sonda do lacre',
  requires: { core: '^1.0.0' },
  register(r) {
    r.routes((router) => {
      router.get('/escopo', { permission: 'authenticated', dataClass: 'general' }, async (c) => {
        const kind = c.req.query('kind');
        const scope = kind ? ({ kind } as never) : undefined;
        try {
          const [row] = await c.get('tx')((tx) => tx.select({ n: count() }).from(schema.resellers), scope);
          return c.text(`resellers=${row?.n ?? 0}`);
        } catch (error) {
          return c.text(`${(error as Error).name}: ${(error as Error).message}`);
        }
      });
    });
  },
});

describe.each(testDrivers())('the sealed plugin API on %s', (driver) => {
  let db: Database;
  let t: PluginTestApp;
  let ctx: PluginContext;
  let platform: string;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createPluginTestApp(db, [sealProbe]);
    ctx = t.host.get('seal-probe')!.context;
    platform = await t.login('plataforma@demo.test');
  });
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
  });

  const lastPlatformScopeEntry = async () => {
    const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'plugin.platform_scope'))
        .orderBy(desc(schema.auditLog.id))
        .limit(1),
    );
    return row;
  };

  it("refuses the platform and auth scopes named in a handler's c.get('tx'), and runs the actor's own scope", async () => {
    const named = await (await t.request('/p/seal-probe/escopo?kind=platform', { cookie: platform })).text();
    expect(named).toMatch(/^PluginScopeError: .*ctx\.platformScoped\(motivo, fn\)/);
    const auth = await (await t.request('/p/seal-probe/escopo?kind=auth', { cookie: platform })).text();
    expect(auth).toMatch(/^PluginScopeError: .*"auth"/);
    // The platform admin's own scope (decided by core, not named by the plugin) still applies.
    expect(await (await t.request('/p/seal-probe/escopo', { cookie: platform })).text()).toMatch(/^resellers=[2-9]/);
  });

  it('lets the plugin context name tenant scopes but not platform or auth', async () => {
    await expect(ctx.scoped({ kind: 'platform' } as never, async () => 1)).rejects.toBeInstanceOf(PluginScopeError);
    await expect(ctx.db.scoped({ kind: 'auth' } as never, async () => 1)).rejects.toBeInstanceOf(PluginScopeError);
    const none = await ctx.scoped({ kind: 'none' }, (tx) => tx.select({ n: count() }).from(schema.resellers));
    expect(none[0]?.n).toBe(0);
  });

  it('runs platform-scope work only through platformScoped, which audits the plugin and the reason with the work', async () => {
    const [row] = await ctx.platformScoped('contar as singulares para o teste', (tx) => tx.select({ n: count() }).from(schema.resellers));
    expect(row!.n).toBeGreaterThanOrEqual(2);
    const entry = await lastPlatformScopeEntry();
    expect(entry).toMatchObject({ action: 'plugin.platform_scope', target: 'plugin seal-probe' });
    expect(entry!.details).toMatchObject({ plugin: 'seal-probe', reason: 'contar as singulares para o teste' });

    // A failed piece of work rolls its audit entry back with it; a blank reason is refused outright.
    await expect(ctx.platformScoped('falha proposital', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(ctx.platformScoped('   ', async () => 1)).rejects.toThrow(/sem dizer o motivo/);
    expect((await lastPlatformScopeEntry())!.id).toBe(entry!.id);
  });

  it("offers support-access grants through the context, and nothing of core's services", () => {
    expect(ctx.supportAccess()).not.toBeNull();
    expect(Object.keys(ctx)).not.toContain('services');
    expect(Object.isFrozen(ctx)).toBe(true);
  });
});
