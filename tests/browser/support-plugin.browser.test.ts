/**
 * The support plugin in Chromium: a clinic user opens a ticket with an attachment, the support agent
 * sets priority alta and answers, the clinic sees the answer, the singular's admin moves a board card
 * with htmx (no reload) and sees the indicators' charts. Screenshots go to test-results/screenshots.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { TickingClock } from '@painel/core/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSupportApp, type SupportTestApp } from '../integration/support-plugin-harness.ts';
import { screenshotDir } from './support/browser.ts';

/** A 120×80 PNG "screenshot" (a title bar, two fields and a red error box). */
const screenshotPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAABQCAIAAABd+SbeAAAA3klEQVR4nO3YsQ0CARADQRqlMKpDIqACECk9fPB+2SNtAb4J73Z73HVG+QUj5ReMlF8wUn7BSPkFI+UXjJRfMFJ+wUj5BSPlF4yUXzBSfsFI+QUj5ReMlF8wUn7BSPkFI31+X50QaNBdgQbdFWjQXYEG3RVo0F2BBt0VaNBdgQbd1RHo5/sl0KC7Ag26K9CguwINuivQoLs6A1oHAg26K9CguwINuivQoLsCDborv44L/zriR14h0KC7Ag26K9CguwINuivQRdA6EGjQXYEG3RVo0F2BBt0VaNBdgT6pP3mSBL12YvhnAAAAAElFTkSuQmCC',
  'base64',
);

describe('support plugin in Chromium', () => {
  let t: SupportTestApp;
  let server: ServerType;
  let browser: Browser;
  let baseUrl: string;
  const errors: string[] = [];

  beforeAll(async () => {
    // Monday 09/03/2026 10:00 in Brasília, then time runs for real.
    t = await startSupportApp('pglite', { clock: new TickingClock('2026-03-09T13:00:00.000Z') });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--lang=pt-BR'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  const newPage = async (email: string, width = 1280): Promise<Page> => {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'pt-BR', viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${email}: ${m.text()}`);
    });
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Senha').fill('demo1234');
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Entrar' }).click()]);
    return page;
  };
  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  };

  let ticketUrl = '';

  it('a clinic user opens a ticket with an attachment', async () => {
    const page = await newPage('clinica@demo.test');
    await page.locator('.side-nav').getByRole('link', { name: 'Chamados', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Chamados');
    await shot(page, 'support-clinic-list');
    await page.getByTestId('new-ticket').click();
    await page.getByLabel('Erro / bug').check();
    await page.getByLabel('Módulo do sistema').selectOption('faturamento');
    await page.getByLabel('Assunto').fill('Erro ao enviar lote de guias');
    await page.getByLabel('Descreva a situação').fill('Ao enviar o lote de março aparece "Falha ao validar XML". Print anexo.\nGuia: https://ajuda.exemplo.com.br/lotes');
    await page.getByLabel(/^Anexos/).setInputFiles({ name: 'erro-lote.png', mimeType: 'image/png', buffer: screenshotPng });
    await shot(page, 'support-new-ticket');
    await page.getByRole('button', { name: 'Abrir chamado' }).click();
    await page.waitForURL(/\/p\/support\/chamados\/\d+$/);
    ticketUrl = new URL(page.url()).pathname;
    await expect(page.locator('.flash-success').textContent()).resolves.toMatch(/^Chamado #\d+ aberto\./);
    await expect(page.getByTestId('attachment-link').count()).resolves.toBe(1);
    const size = await page.locator('.sup-file img').evaluate((img: HTMLImageElement) => img.naturalWidth);
    expect(size).toBe(120);
    await shot(page, 'support-ticket-opened');
  });

  it('the agent sets priority alta and answers', async () => {
    const page = await newPage('suporte@demo.test');
    await page.goto('/p/support/fila');
    await shot(page, 'support-agent-queue');
    await page.locator(`a.sup-subject[href="${ticketUrl}"]`).click();
    await page.getByLabel(/^Alta · 8 horas úteis/).check();
    await page.getByRole('button', { name: 'Salvar prioridade' }).click();
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('Prioridade definida: Alta');
    // Monday 10:00 + 8 business hours → Tuesday 10:00 (the clock ticks for real from 10:00, so a slow
    // machine opens the ticket a few minutes later; the exact arithmetic is in the calendar's tests).
    await expect(page.getByTestId('sla-due').textContent()).resolves.toMatch(/^10\/03\/2026 10:0\d$/);
    await page.getByLabel('Mensagem').fill('Olá, Carla! Identificamos o problema no validador do XML e já corrigimos. Pode reenviar o lote?');
    await page.getByLabel('Situação após responder').selectOption('aguardando_cliente');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('Mensagem enviada. Situação: Aguardando cliente.');
    await expect(page.locator('.sup-msg-agent').count()).resolves.toBe(1);
    await expect(page.getByTestId('sla-card').textContent()).resolves.toContain('Respondido no prazo');
    await shot(page, 'support-agent-ticket');
  });

  it('the clinic sees the answer and the request to reply', async () => {
    const page = await newPage('clinica@demo.test');
    await page.goto(ticketUrl);
    await expect(page.getByTestId('awaiting-you').isVisible()).resolves.toBe(true);
    await expect(page.locator('.sup-msg-agent').textContent()).resolves.toContain('Identificamos o problema');
    await shot(page, 'support-clinic-ticket-answered');
  });

  it('the singular admin moves a card with htmx and sees the indicators', async () => {
    const page = await newPage('singular@demo.test');
    await page.goto('/p/support/quadro');
    await shot(page, 'support-board');
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const card = page.locator('.sup-col-novo .sup-card').first();
    const ticketId = await card.locator('.mono').textContent();
    await card.locator('select').selectOption('em_analise');
    await card.getByRole('button', { name: 'Mover' }).click();
    await expect(page.locator('#sup-board .flash-success').textContent()).resolves.toContain(`Card do chamado ${ticketId}`);
    // Same document: htmx swapped the board only.
    await expect(page.evaluate(() => (window as unknown as { marker?: number }).marker)).resolves.toBe(42);
    await expect(page.locator('.sup-col-em_analise .mono', { hasText: ticketId! }).count()).resolves.toBe(1);

    await page.goto('/p/support/indicadores?de=2026-01-19&ate=2026-03-09');
    await expect(page.locator('figure.sup-chart svg[role="img"]').count()).resolves.toBe(5);
    await expect(page.getByTestId('sla-overall').textContent()).resolves.toMatch(/%$/);
    await page.locator('[data-testid="chart-volume-modulo"] summary').click();
    await expect(page.locator('[data-testid="chart-volume-modulo"] table').isVisible()).resolves.toBe(true);
    await shot(page, 'support-indicators');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    expect(download.suggestedFilename()).toBe('indicadores-suporte_2026-01-19_2026-03-09.csv');

    await page.goto('/p/support/configuracoes');
    await shot(page, 'support-settings');
  });

  it('had no CSP violations or script errors', () => {
    expect(errors).toEqual([]);
  });
});
