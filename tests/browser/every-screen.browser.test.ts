import { defaultPlugins } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

/** The main screens of each demo actor: each must load (200), show a heading and raise no console error (CSP). */
const tour: Record<string, string[]> = {
  'plataforma@demo.test': ['/', '/singulares', '/bases', '/auditoria', '/plataforma/plugins', '/conteudos', '/notificacoes', '/minhas-sessoes'],
  'singular@demo.test': [
    '/',
    '/bases',
    '/bases/nova',
    '/bases/importar',
    '/usuarios',
    '/usuarios/convidar',
    '/usuarios/multi-clinica',
    '/alterar-clinica',
    '/auditoria',
    '/conteudos',
    '/conteudos/enviar',
    '/conteudos/analise',
    '/conteudos/agendamentos',
  ],
  'clinica@demo.test': ['/', '/acesso-suporte', '/usuarios', '/ajuda', '/p/support/chamados', '/p/support/chamados/novo'],
  'medico@demo.test': ['/', '/alterar-clinica', '/ajuda/alterar-clinica', '/p/support/chamados'],
  'suporte@demo.test': ['/', '/suporte/bases', '/suporte/solicitar', '/p/support/fila', '/p/support/risco', '/p/support/indicadores'],
  'vizinha@demo.test': ['/', '/bases', '/usuarios', '/p/support/singular', '/p/support/quadro', '/p/support/indicadores', '/p/support/configuracoes'],
};

describe('every main screen in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    // The app as shipped: built-in modules and the default plugins.
    h = await startBrowserHarness('pglite', { plugins: defaultPlugins });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(Object.entries(tour))('%s', async (email, paths) => {
    const page = await h.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    await h.login(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(200);
      expect(await page.locator('h1').count(), `${email} ${path} has a heading`).toBeGreaterThan(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
      const name = `tour-${email.split('@')[0]}${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, '');
      await h.screenshot(page, name);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
