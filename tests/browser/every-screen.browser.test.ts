import { defaultPlugins } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

/**
 * The main screens of each demo actor: each must load (200), show a heading, raise no console error (CSP)
 * and have no serious or critical accessibility violation (axe-core).
 */
const tour: Record<string, string[]> = {
  'plataforma@demo.test': ['/', '/singulares', '/singulares/0202', '/singulares/0202/administradores', '/bases', '/auditoria', '/plataforma/plugins', '/plataforma/backups', '/conteudos', '/notificacoes', '/minhas-sessoes'],
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
    '/singulares/0101/administradores',
    '/modulos',
    '/p/migration/solicitacoes',
    '/p/migration/risco',
  ],
  'clinica@demo.test': ['/', '/acesso-suporte', '/usuarios', '/ajuda', '/p/support/chamados', '/p/support/chamados/novo', '/p/migration/solicitacoes', '/p/migration/solicitacoes/nova'],
  'medico@demo.test': ['/', '/alterar-clinica', '/ajuda/alterar-clinica', '/p/support/chamados'],
  'suporte@demo.test': ['/', '/suporte/bases', '/suporte/solicitar', '/p/support/fila', '/p/support/risco', '/p/support/indicadores'],
  'migracao@demo.test': ['/', '/p/migration/solicitacoes', '/p/migration/solicitacoes?ver=todas', '/p/migration/risco', '/p/migration/sistemas', '/notificacoes'],
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
    const a11y: string[] = [];
    const checkA11y = async (where: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) a11y.push(describeViolations(where, violations));
    };
    await page.goto('/login');
    await checkA11y(`${email} /login`);
    await h.login(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${email} ${path}`).toBe(200);
      expect(await page.locator('h1').count(), `${email} ${path} has a heading`).toBeGreaterThan(0);
      expect(await page.locator('html').getAttribute('lang')).toBe('pt-BR');
      const name = `tour-${email.split('@')[0]}${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, '');
      await h.screenshot(page, name);
      await checkA11y(`${email} ${path}`);
    }
    expect(problems).toEqual([]);
    expect(a11y.join('\n'), 'serious/critical axe-core violations').toBe('');
  }, 120_000);

  it('the support agent inside a granted base reads its users, tickets and onboarding progress, accessible too', async () => {
    const page = await h.newPage();
    await h.login(page, 'suporte@demo.test');
    await page.goto('/suporte/bases');
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: /Entrar/ }).first().click()]);
    const a11y: string[] = [];
    for (const path of ['/', '/usuarios', '/p/support/chamados', '/conteudos/progresso-da-base']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await h.screenshot(page, `tour-suporte-na-base${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, ''));
      const violations = await axeViolations(page);
      if (violations.length > 0) a11y.push(describeViolations(`suporte@demo.test (na base) ${path}`, violations));
    }
    expect(await page.getByRole('link', { name: 'Convidar usuário' }).count()).toBe(0);
    expect(a11y.join('\n'), 'serious/critical axe-core violations').toBe('');
  }, 120_000);
});
