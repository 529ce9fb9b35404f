/**
 * Pre-validation of exported files in Chromium, as the clinic's gestor: upload a patients export (with
 * the upload bar), wait for the validation job, review the mapping (low-confidence and unmatched columns
 * highlighted), confirm it, read the report, download the error rows, send back only the corrected
 * rows and see the merged report. Every screen passes axe-core with no serious or critical violation.
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prevalidation } from '@painel/migration';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import { type BrowserHarness, reloadPage, startBrowserHarness } from './support/browser.ts';

describe('pre-validation of exported files in Chromium', () => {
  let h: BrowserHarness;
  let gestor: Page;
  let dir: string;
  let files = '';
  const axe: string[] = [];
  const checkAxe = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    if (violations.length > 0) axe.push(describeViolations(where, violations));
  };
  const runJobs = async () => {
    for (let i = 0; i < 10; i++) if ((await h.app.services.jobs.tickOnce()).length === 0) return;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'painel-precheck-browser-'));
    const table = prevalidation.generator.patients({ rows: 120, defects: { cpf_invalido: 2, sexo_invalido: 2, data_invalida: 1 }, blankCpf: 3 });
    await prevalidation.generator.writeCsv(join(dir, 'Pacientes.csv'), table, { encoding: 'windows-1252', delimiter: ';' });
    h = await startBrowserHarness('pglite', { plugins: ['@painel/migration'] });
    gestor = await h.newPage();
    await h.login(gestor, 'clinica@demo.test');
    const [request] = await h.app.db.scoped({ kind: 'platform' }, (tx) =>
      h.app.db.query<{ id: number }>(tx, sql`select id::int as id from migration.requests where clinic_id = 1001 and state not in ('encerrada', 'cancelada') order by id limit 1`),
    );
    files = `/p/migration/solicitacoes/${request!.id}/arquivos`;
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('upload → mapping review → report → error CSV → corrected re-upload', { timeout: 180_000 }, async () => {
    await gestor.goto(files.replace(/\/arquivos$/, ''));
    await gestor.getByRole('link', { name: 'Arquivos e relatório de viabilidade' }).click();
    await expect(gestor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Pré-validação dos arquivos');
    await checkAxe(gestor, 'arquivos (vazio)');

    await gestor.getByLabel('Arquivo exportado do sistema antigo').setInputFiles(join(dir, 'Pacientes.csv'));
    await Promise.all([gestor.waitForURL(/\/arquivos\/\d+$/), gestor.getByRole('button', { name: 'Enviar e verificar' }).click()]);
    await expect(gestor.getByTestId('validation').textContent()).resolves.toContain('Verificação em andamento');
    await runJobs();
    await gestor.waitForSelector('[data-testid="mapping-review"]', { timeout: 20_000 });
    await h.screenshot(gestor, 'precheck-1-mapping-review');
    await checkAxe(gestor, 'revisão do mapeamento');
    // The consent column is unmatched and highlighted; the reviewer leaves RG out and confirms.
    await expect(gestor.locator('tr.mig-none[data-column="Aceita e-mail marketing"]').count()).resolves.toBe(1);
    await gestor.getByLabel('RG', { exact: true }).selectOption('');
    await gestor.getByRole('button', { name: 'Confirmar mapeamento e verificar' }).click();
    await gestor.waitForSelector('.flash-success');
    await expect(gestor.locator('.flash-success').first().textContent()).resolves.toContain('salvo como modelo');
    await runJobs();
    await reloadPage(gestor);
    await gestor.waitForSelector('[data-testid="file-report"]');
    await expect(gestor.getByTestId('file-status').textContent()).resolves.toBe('Mapeamento confirmado');
    await expect(gestor.getByTestId('file-report').getByTestId('valid').textContent()).resolves.toBe('115');
    await h.screenshot(gestor, 'precheck-2-report');
    await checkAxe(gestor, 'relatório do arquivo');

    // The error rows, downloaded as the clinic would, fixed (sexo only) and sent back alone.
    const [download] = await Promise.all([gestor.waitForEvent('download'), gestor.getByRole('link', { name: /Baixar as 5 linhas com erro/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Linha;/);
    const header = lines[0]!.split(';');
    const sexo = header.indexOf('Sexo');
    const fixed = lines.filter((l) => l.includes('Sexo: sexo')).map((l) => l.split(';').map((c, i) => (i === sexo ? 'F' : c)).join(';'));
    expect(fixed.length).toBe(2);
    writeFileSync(join(dir, 'corrigidas.csv'), `\ufeff${[lines[0], ...fixed].join('\r\n')}\r\n`);
    await gestor.getByLabel('Arquivo com as linhas corrigidas').setInputFiles(join(dir, 'corrigidas.csv'));
    // The page is already at /arquivos/N, so waiting for that URL would not wait for the upload: wait
    // for the POST's answer (its job is committed by then), then for the page it redirects to.
    await Promise.all([
      gestor.waitForResponse((r) => r.request().method() === 'POST' && /\/arquivos\/\d+\//.test(r.url())),
      gestor.getByRole('button', { name: 'Enviar correção' }).click(),
    ]);
    await gestor.waitForLoadState('load');
    await runJobs();
    await reloadPage(gestor);
    await gestor.waitForSelector('[data-testid="merge"]');
    await expect(gestor.getByTestId('merge').textContent()).resolves.toContain('2 linhas substituídas');
    await expect(gestor.getByTestId('file-report').getByTestId('valid').textContent()).resolves.toBe('117');
    await expect(gestor.getByTestId('history').textContent()).resolves.toContain('Correção enviada');
    await h.screenshot(gestor, 'precheck-3-merged');
    await checkAxe(gestor, 'relatório com correção');

    await gestor.goto(files);
    await expect(gestor.getByTestId('request-report').textContent()).resolves.toContain('Relatório da solicitação (1 arquivo)');
    await h.screenshot(gestor, 'precheck-4-request');
    await checkAxe(gestor, 'relatório da solicitação');
    expect(axe).toEqual([]);
  });
});
