import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

describe('foundation in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs in as the demo platform admin and reaches the home page', async () => {
    const page = await h.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto('/login');
    await h.screenshot(page, 'foundation-login');
    await h.login(page, 'plataforma@demo.test');
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Olá, Paula');
    await h.screenshot(page, 'foundation-home');
    await page.getByText('Paula Plataforma').click();
    await page.getByRole('link', { name: 'Minhas sessões' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Minhas sessões');
    await h.screenshot(page, 'foundation-sessions');
    expect(errors, 'no CSP violations or script errors').toEqual([]);
  });

  it('shows the pt-BR error on a wrong password', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('plataforma@demo.test');
    await page.getByLabel('Senha').fill('senha-errada');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect(page.getByTestId('login-error').textContent()).resolves.toBe('E-mail ou senha incorretos.');
    await h.screenshot(page, 'foundation-login-error');
  });
});
