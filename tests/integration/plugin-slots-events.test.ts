import type { Database } from '@painel/core/testing';
import { PluginDefinitionError } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import listener, { heard, orphanListener, undeclaredListener } from '../fixture-plugin/variants/listener/index.ts';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('plugin page slots and plugin events on %s', (driver) => {
  let db: Database;
  let t: PluginTestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createPluginTestApp(db, [fixturePlugin, listener]);
  });
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
  });

  const page = async (email: string, path = '/minhas-sessoes') => {
    const res = await t.request(path, { cookie: await t.session(email) });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("draws the plugin's banner and header item on core's pages for actors who pass, and nothing for the others", async () => {
    const gestor = await page('clinica@demo.test');
    expect(gestor).toMatch(/<div class="banners">.*data-testid="fixture-banner">Notas desta base: 0<\/p>/s);
    expect(gestor).toContain('data-testid="fixture-header"');
    // A reseller admin outside any base: the banner's visible() and the header's permission refuse.
    const admin = await page('singular@demo.test');
    expect(admin).not.toContain('fixture-banner');
    expect(admin).not.toContain('fixture-header');
    const platform = await page('plataforma@demo.test');
    expect(platform).not.toContain('fixture-banner');
  });

  it('emits its typed event to the other plugin that subscribed, and the banner counts the new note', async () => {
    heard.length = 0;
    const cookie = await t.session('clinica@demo.test');
    const res = await t.request('/p/fixture-plugin/notas', { cookie, form: { body: 'nota com evento' } });
    expect(res.status).toBe(303);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ clinicId: 1001, pluginId: 'fixture-listener' });
    expect(heard[0]!.noteId).toBeGreaterThan(0);
    expect(await page('clinica@demo.test')).toContain('Notas desta base: 1');
  });

  it('hides the slots where the singular turned the plugin off', async () => {
    const platform = await t.session('plataforma@demo.test');
    const [demo] = await db.query<{ id: number }>(db.owner, (await import('drizzle-orm')).sql`select id::int from resellers where code = '0101'`);
    const off = await t.request(`/plataforma/plugins/fixture-plugin/singulares/${demo!.id}`, { cookie: platform, form: { enabled: 'false' } });
    expect(off.status).toBeLessThan(400);
    expect(await page('clinica@demo.test')).not.toContain('fixture-banner');
    await t.request(`/plataforma/plugins/fixture-plugin/singulares/${demo!.id}`, { cookie: platform, form: { enabled: 'true' } });
    expect(await page('clinica@demo.test')).toContain('fixture-banner');
  });

  it('refuses to emit an event the plugin did not declare', async () => {
    const ctx = t.host.get('fixture-plugin')!.context;
    await expect(ctx.emit('fixture-plugin:note.deleted' as never, { resellerId: 1 } as never)).rejects.toThrow(
      'O plugin "fixture-plugin" emitiu "fixture-plugin:note.deleted", que não declarou: declare-o em register() com r.event(\'fixture-plugin:<nome>\').',
    );
  });
});

describe('subscriptions to plugin events', () => {
  it('are refused at register time when the emitting plugin is not installed, or does not declare the event', async () => {
    const db = await openTestDatabase('pglite');
    try {
      const orphan = await createPluginTestApp(db, [orphanListener], { migrate: false, start: false }).catch((e: unknown) => e);
      expect(orphan).toBeInstanceOf(PluginDefinitionError);
      expect((orphan as Error).message).toBe(
        'O plugin "orphan-listener" assina o evento "migracao:import.finished", mas o plugin "migracao" não está instalado: instale-o (variável PLUGINS) ou remova a assinatura.',
      );
      const undeclared = await createPluginTestApp(db, [fixturePlugin, undeclaredListener], { migrate: false, start: false }).catch((e: unknown) => e);
      expect((undeclared as Error).message).toBe(
        'O plugin "undeclared-listener" assina o evento "fixture-plugin:note.deleted", que o plugin "fixture-plugin" não declara (r.event).',
      );
    } finally {
      await db.close();
    }
  });
});
