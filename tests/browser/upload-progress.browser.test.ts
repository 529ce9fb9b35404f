/**
 * A real upload form in Chromium: the fixture plugin's attachments form (htmx, multipart, marked
 * data-upload-progress) shows core's progress bar reaching 100 % and then the server's answer; a file
 * over the limit shows the pt-BR 413 message in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { bytesOf, sha256, tempDataDir } from '../support/uploads.ts';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

describe('upload progress in Chromium', () => {
  let h: BrowserHarness;
  const data = tempDataDir();
  const errors: string[] = [];

  beforeAll(async () => {
    h = await startBrowserHarness('pglite', { pluginDefinitions: [fixturePlugin], env: { DATA_DIR: data.dir } });
  });
  afterAll(async () => {
    await h?.close();
    data.remove();
  });

  const uploadPage = async () => {
    const page = await h.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && !/\b413\b/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await h.login(page, 'clinica@demo.test');
    await page.goto('/p/fixture-plugin/anexos');
    // Every progress value the page shows, in order (read back after the upload).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seen: number[] }).seen = seen;
      document.addEventListener('htmx:xhr:progress', () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-upload-progress-bar]');
        if (bar) seen.push(bar.value);
      });
    });
    return page;
  };

  it('fills the progress bar to 100 % and shows what the server received', async () => {
    const page = await uploadPage();
    const a = bytesOf(900 * 1024, 11);
    const b = bytesOf(700 * 1024, 12);
    await page.getByLabel('Descrição').fill('Dump do sistema antigo');
    await page.getByLabel('Arquivos').setInputFiles([
      { name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(a) },
      { name: 'agenda.sql', mimeType: 'application/sql', buffer: Buffer.from(b) },
    ]);
    await page.getByRole('button', { name: 'Enviar' }).click();
    const result = page.getByTestId('enviados');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('2 arquivos recebidos: Dump do sistema antigo.');
    const hashes = await result.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-sha256')));
    expect(hashes).toEqual([sha256(a), sha256(b)]);

    const bar = page.locator('[data-upload-progress-bar]');
    await expect(bar.evaluate((el) => (el as HTMLProgressElement).value)).resolves.toBe(100);
    await expect(page.locator('[data-upload-progress-label]').textContent()).resolves.toContain('100%');
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(100);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    await h.screenshot(page, 'upload-progress-done');
  });

  it('shows the pt-BR 413 message in place when a file passes the limit', async () => {
    const page = await uploadPage();
    await page.getByLabel('Arquivos').setInputFiles([{ name: 'grande.mdb', mimeType: 'application/octet-stream', buffer: Buffer.from(bytesOf(1024 * 1024 + 1)) }]);
    await page.getByRole('button', { name: 'Enviar' }).click();
    const result = page.getByTestId('resultado');
    await result.getByText('Arquivo ou envio grande demais').waitFor();
    await expect(result.textContent()).resolves.toContain('passa do limite de 1 MB');
    expect(data.files('uploads-tmp')).toEqual([]);
    await h.screenshot(page, 'upload-progress-too-large');
    expect(errors, 'no CSP violations or script errors').toEqual([]);
  });
});
