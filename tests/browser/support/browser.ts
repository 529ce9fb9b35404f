import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { type AnyPlugin, type Database, type DriverName, loadPlugins, TickingClock } from '@painel/core/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { openTestDatabase } from '../../support/test-db.ts';
import { seedInstant } from '../../support/templates.ts';

/**
 * Reloads `page` after background work changed what it shows. A page that polls a job's state (the
 * migration file page, `hx-trigger="every 2s"`) reloads itself when the poll answers `HX-Refresh`,
 * which can abort this reload or be aborted by it: the pollers are taken out of the page first (htmx
 * stops polling an element that left the document), then the page is loaded again by its URL, retried
 * if a navigation already under way still aborts it.
 */
export async function reloadPage(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('[hx-trigger^="every"]').forEach((el) => el.remove())).catch(() => undefined);
  const url = page.url();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'load' });
      return;
    } catch (error) {
      if (attempt === 3 || !/ERR_ABORTED|frame was detached|interrupted by another navigation/.test(String(error))) throw error;
    }
  }
}

export const screenshotDir = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export interface BrowserHarness {
  baseUrl: string;
  app: TestApp;
  /** The app's clock: the demo seed instant, then real time; `clock.set(…)` jumps ahead. */
  clock: TickingClock;
  browser: Browser;
  /** A fresh browser context (its own cookies) with a page. */
  newPage(): Promise<Page>;
  /** Logs in through the real login form. */
  login(page: Page, email: string, password?: string): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real HTTP server (the app on a fresh copy of the demo database) and Debian's Chromium driven by
 * playwright-core. Never downloads a browser.
 */
export async function startBrowserHarness(
  driver: DriverName = 'pglite',
  options: { plugins?: string[]; pluginDefinitions?: AnyPlugin[]; env?: Record<string, string> } = {},
): Promise<BrowserHarness> {
  const db: Database = await openTestDatabase(driver);
  // Time starts at the instant the demo data was seeded and then runs for real.
  const plugins = [...(options.plugins ? await loadPlugins(options.plugins) : []), ...(options.pluginDefinitions ?? [])];
  const clock = new TickingClock(seedInstant);
  const app = await createTestApp(db, { clock, plugins, ...(options.env ? { env: options.env } : {}) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl,
    app,
    clock,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'pt-BR', viewport: { width: 1280, height: 800 } });
      return context.newPage();
    },
    async login(page, email, password = 'demo1234') {
      await page.goto('/login');
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Senha').fill(password);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Entrar' }).click()]);
    },
    async screenshot(page, name) {
      const file = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await app.host.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
