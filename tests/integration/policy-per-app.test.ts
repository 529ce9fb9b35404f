import { allow, type Database, defineModule, forbidden, type ModuleDefinition, type Rule } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

/** A module whose `/sonda` page is guarded by `sonda.ler`, decided by `rule`. */
function probeModule(id: string, rule: Rule): ModuleDefinition {
  return defineModule({
    id,
    permissions: { 'sonda.ler': rule },
    routes: (router) => {
      router.get('/sonda', { permission: 'sonda.ler', dataClass: 'general' }, (c) => c.text(`sonda de ${id}`));
    },
  });
}

/**
 * The policy registry belongs to one app: two apps in one process, with different modules defining
 * the same permission differently, each decide with their own rule (a process-wide registry let the
 * first app's rule answer for both).
 */
describe('permissions are per app', () => {
  let db: Database;
  let open: TestApp;
  let closed: TestApp;
  let coreOnly: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    open = await createTestApp(db, { modules: [probeModule('sonda-aberta', () => allow)] });
    closed = await createTestApp(db, { modules: [probeModule('sonda-fechada', () => forbidden('Sonda fechada.'))] });
    coreOnly = await createTestApp(db, { modules: [] });
  });
  afterAll(async () => {
    await db.close();
  });

  it('each app decides with its own module rule', async () => {
    const cookie = await open.session('clinica@demo.test');
    const a = await open.request('/sonda', { cookie });
    expect(a.status).toBe(200);
    expect(await a.text()).toBe('sonda de sonda-aberta');
    const b = await closed.request('/sonda', { cookie });
    expect(b.status).toBe(403);
    expect(await b.text()).not.toContain('sonda de');
  });

  it('an app without the module does not know its permission', async () => {
    expect(open.services.policy.has('sonda.ler')).toBe(true);
    expect(coreOnly.services.policy.has('sonda.ler')).toBe(false);
    expect(coreOnly.services.policy.has('platform.admin')).toBe(true);
    const cookie = await coreOnly.session('clinica@demo.test');
    expect((await coreOnly.request('/sonda', { cookie })).status).toBe(404);
  });

  it('refuses a permission defined twice in one app', async () => {
    await expect(createTestApp(db, { modules: [probeModule('sonda-1', () => allow), probeModule('sonda-2', () => allow)] })).rejects.toThrow(
      /sonda\.ler.*already defined/,
    );
  });
});
