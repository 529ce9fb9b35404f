import type { Database } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

describe('core events emitted by the tenants screens', () => {
  let db: Database;
  let t: TestApp;
  const seen: string[] = [];
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    t = await createTestApp(db);
    t.services.events.on('clinic.created', 'test', (p) => void seen.push(`created:${p.clinicId}:${p.name}`));
    t.services.events.on('clinic.deactivated', 'test', (p) => void seen.push(`deactivated:${p.clinicId}`));
    t.services.events.on('membership.added', 'test', (p) => void seen.push(`member:${p.clinicId}:${p.role}`));
  });
  afterAll(async () => {
    await db.close();
  });

  it('emits clinic.created, clinic.deactivated and membership.added after the change commits', async () => {
    const cookie = await t.login('singular@demo.test');
    const created = await t.request('/bases', { cookie, form: { name: 'Clínica Eventos', baseId: '1500', cnpj: '', city: 'Osasco', uf: 'SP' } });
    expect(created.status, await created.clone().text()).toBe(303);
    const off = await t.request('/bases/1500/desativar', { cookie, form: {} });
    expect(off.status).toBe(303);
    const preview = await t.request('/usuarios/multi-clinica/previa', {
      cookie,
      form: { modo: 'texto', pedido: 'Usuário: medico@demo.test\nJá está cadastrado na clínica: 1001\nMulti clínica para as clínicas: 1003' },
    });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const confirmHtml = /<form method="post" action="\/usuarios\/multi-clinica\/confirmar"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    const form: Record<string, string[]> = {};
    for (const m of confirmHtml.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) {
      (form[m[1]!] ??= []).push(m[2]!.replace(/&#64;|&amp;/g, (e) => (e === '&amp;' ? '&' : '@')));
    }
    const role = /<option value="(\w+)" selected/.exec(confirmHtml)?.[1];
    if (role) form.perfil = [role];
    const confirm = await t.request('/usuarios/multi-clinica/confirmar', { cookie, form });
    expect(confirm.status).toBe(303);
    const invited = await t.request('/usuarios/convidar', {
      cookie,
      form: { email: 'nova.secretaria@demo.test', nome: 'Nova Secretária', base: '1002', perfil: 'secretaria' },
    });
    expect(invited.status).toBeLessThan(400);
    expect(seen).toEqual(['created:1500:Clínica Eventos', 'deactivated:1500', 'member:1003:medico', 'member:1002:secretaria']);
  });
});
