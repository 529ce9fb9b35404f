import { createPluginTestApp, type PluginTestApp, schema, templateDrivers, testTemplates } from '@painel/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { stagedRows } from '../fixture-plugin/src/schema.ts';

// What a plugin's own test file looks like: only @painel/core/testing and vitest's inject (the
// global setup's templates), nothing from tests/.
const templates = testTemplates(inject);

describe.each(templateDrivers(templates))('@painel/core/testing harness on %s', (driver) => {
  let t: PluginTestApp;

  beforeAll(async () => {
    t = await createPluginTestApp({ plugins: [fixturePlugin], driver, templates });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts the app with the plugin on a copy of the template, signs a demo user in, and bulk-loads through the context', async () => {
    expect(t.db.driver).toBe(driver);
    expect(t.host.get('fixture-plugin')?.health.state).toBe('started');
    const cookie = await t.session('clinica@demo.test');
    const res = await t.request('/p/fixture-plugin', { cookie });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('data-testid="fixture-banner"');

    const ctx = t.host.get('fixture-plugin')!.context;
    const [demo] = await ctx.platformScoped('achar a singular de demonstração no teste', (tx) =>
      tx.select({ id: schema.resellers.id }).from(schema.resellers).where(eq(schema.resellers.code, '0101')),
    );
    const loaded = await ctx.scoped({ kind: 'clinic', resellerId: demo!.id, clinicId: 1001 }, (tx) =>
      ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id', 'label'], [
        [demo!.id, 1001, 'um'],
        [demo!.id, 1001, 'dois'],
      ]),
    );
    expect(loaded).toBe(2);
  });
});
