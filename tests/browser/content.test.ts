import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

const seedFragment = readFileSync(new URL('../../content/fixtures/conquistas/seed-fragment.txt', import.meta.url), 'utf8');
const links = ['https://youtu.be/aqz-KE-bpKQ', 'https://www.youtube.com/watch?v=eRsGyueVLvQ&t=5s', 'https://www.youtube.com/embed/R6MlUcmOul8'];

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // A rejected upload answers 422 on purpose; Chromium logs that as a failed resource.
    if (m.type() === 'error' && !m.text().includes('422')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('conquistas and the video panel in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a reseller admin uploads a broken file, sees located errors, uploads the fixed one, previews and publishes', async () => {
    const page = await h.newPage();
    const errors = consoleErrors(page);
    await h.login(page, 'singular@demo.test');
    await page.goto('/conteudos');
    await h.screenshot(page, 'content-admin-home');
    await page.getByTestId('upload-link').click();
    await page.getByLabel('Nome da nova trilha').fill('Processos XPTO');
    await page.getByLabel('Arquivo de conquistas (.json ou .txt)').setInputFiles({
      name: 'conquistas.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(seedFragment),
    });
    await page.getByRole('button', { name: 'Validar e criar rascunho' }).click();
    await page.getByTestId('upload-rejected').waitFor();
    const rows = page.getByTestId('upload-error');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().locator('td').first().textContent()).toBe('19');
    expect(await rows.first().textContent()).toContain('INSERIR LINK DO YOUTUBE');
    await h.screenshot(page, 'content-upload-errors');

    let i = 0;
    const fixed = seedFragment.replace(/INSERIR LINK DO YOUTUBE/g, () => links[i++]!);
    await page.getByLabel('Arquivo de conquistas (.json ou .txt)').setInputFiles({
      name: 'conquistas.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(fixed),
    });
    await page.getByLabel('Texto complementar para a prévia').fill('Vídeos curtos sobre os processos da Unimed XPTO.');
    await page.getByRole('button', { name: 'Validar e criar rascunho' }).click();
    await page.getByTestId('upload-notices').waitFor();
    expect(await page.getByTestId('upload-notices').textContent()).toContain('Adicionadas as chaves');
    await h.screenshot(page, 'content-version');

    await page.getByTestId('preview-link').click();
    await page.getByTestId('preview-banner').waitFor();
    expect(await page.getByText('Vídeos curtos sobre os processos da Unimed XPTO.').count()).toBe(1);
    await h.screenshot(page, 'content-preview');
    await page.getByRole('button', { name: 'Voltar à versão' }).click();

    await page.getByTestId('publish-link').click();
    await h.screenshot(page, 'content-publish');
    await page.getByTestId('publish-submit').click();
    await page.getByText('Versão 1 publicada para todas as bases.').waitFor();
    await h.screenshot(page, 'content-published');
    expect(errors, 'no CSP violations or script errors').toEqual([]);
  }, 90_000);

  it('a clinic user completes the tasks with htmx and sees "Agendar um horário" appear', async () => {
    const page = await h.newPage();
    const errors = consoleErrors(page);
    await h.login(page, 'clinica@demo.test');
    await page.goto('/');
    await page.getByTestId('painel').waitFor();
    expect(await page.getByTestId('agendar').count()).toBe(0);
    await h.screenshot(page, 'content-panel-start');

    for (let n = 0; n < 80; n++) {
      const button = page.locator('details[open] button.vp-mark').first();
      if ((await button.count()) === 0) break;
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/painel/tarefas') && r.status() === 200), button.click()]);
      if (n === 2) await h.screenshot(page, 'content-panel-progress');
    }
    // htmx swapped blocks in place: still the same page, no reload.
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('agendar').waitFor();
    expect(await page.locator('#painel-progresso').getAttribute('value')).toBe(await page.locator('#painel-progresso').getAttribute('max'));
    await h.screenshot(page, 'content-panel-complete');

    await page.getByTestId('agendar').click();
    await page.getByTestId('booking-form').waitFor();
    await h.screenshot(page, 'content-booking-form');
    expect(errors, 'no CSP violations or script errors').toEqual([]);
  }, 120_000);
});
