import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

describe('tenants in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reseller admin searches the bases (live, htmx) and switches clinic', async () => {
    const page = await h.newPage();
    await h.login(page, 'singular@demo.test');
    await page.goto('/bases');
    await page.locator('#f-q').fill('norte');
    // htmx swaps the results in without a full reload and pushes the URL.
    await page.waitForURL(/q=norte/);
    await expect(page.locator('table').first().textContent()).resolves.toContain('Clínica Demo Norte');
    await expect(page.locator('table').first().textContent()).resolves.not.toContain('Clínica Demo Sul');
    await h.screenshot(page, 'tenants-bases-search');

    await page.getByTestId('switch-clinic').click();
    await page.locator('input[name="q"]').fill('1003');
    await page.getByRole('button', { name: 'Pesquisar' }).click();
    await page.getByRole('button', { name: /Efetuar troca para Clínica Demo Sul/ }).click();
    await expect(page.getByTestId('current-base').textContent()).resolves.toContain('Clínica Demo Sul');
    await h.screenshot(page, 'tenants-switched');
    await page.goto('/usuarios');
    await expect(page.getByTestId('current-base').textContent()).resolves.toContain('id 1003');
  });

  it('a reseller admin pastes a multi-clinic request as the singulares write it, previews and confirms', async () => {
    const page = await h.newPage();
    await h.login(page, 'singular@demo.test');
    await page.goto('/usuarios/multi-clinica');
    await page
      .locator('textarea[name="pedido"]')
      .first()
      .fill('Usuário: medico@demo.test\nJá está cadastrado na clínica: 1001\nMulti clínica para as clínicas: 1003, 2001');
    await page.getByRole('button', { name: 'Ver prévia' }).first().click();
    const preview = await page.locator('main').textContent();
    expect(preview).toContain('1003');
    expect(preview).toMatch(/outra singular/i);
    await h.screenshot(page, 'tenants-multi-clinic-preview');
    await page.getByRole('button', { name: 'Confirmar sem a base recusada' }).click();
    await expect(page.locator('.flash').first().textContent()).resolves.toMatch(/1003/);
    await h.screenshot(page, 'tenants-multi-clinic-done');
  });
});
