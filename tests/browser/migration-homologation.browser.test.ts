/**
 * The homologation screens in Chromium: base 1001's médico follows the navigation to the demo validation
 * version and opens patients (searching by name), prontuários and documentos gerados; the gestor sees the
 * personal screens and gets the EHR refusal page for prontuários. Every screen passes axe-core with no
 * serious or critical violation; screenshots go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

const BANNER = 'Ambiente de homologação — isolado da base em produção; alterações aqui não são mantidas';

describe('homologation screens in Chromium', () => {
  let h: BrowserHarness;
  let medico: Page;
  let gestor: Page;
  const axe: string[] = [];

  beforeAll(async () => {
    h = await startBrowserHarness('pglite', { plugins: ['@painel/migration'] });
    medico = await h.newPage();
    await h.login(medico, 'medico@demo.test');
    gestor = await h.newPage();
    await h.login(gestor, 'clinica@demo.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  const checkAxe = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    if (violations.length > 0) axe.push(describeViolations(where, violations));
  };

  it('the médico reaches the homologation from the navigation and reads the EHR screens', async () => {
    await medico.locator('.side-nav').getByRole('link', { name: 'Homologação da migração' }).click();
    await expect(medico.getByTestId('homologation-banner').textContent()).resolves.toContain(BANNER);
    await checkAxe(medico, 'resumo (médico)');
    await h.screenshot(medico, 'homologation-summary');
    await medico.getByRole('navigation', { name: 'Entidades da homologação' }).getByRole('link', { name: /^Pacientes/ }).click();
    const firstName = (await medico.locator('tbody tr td').nth(2).textContent())!.split(' ')[0]!;
    await medico.getByLabel('Buscar por nome ou CPF').fill(firstName.toLowerCase());
    await medico.getByRole('button', { name: 'Buscar' }).click();
    const names = await medico.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    expect(names.filter((n) => !fold(n).includes(fold(firstName)))).toEqual([]);
    await checkAxe(medico, 'pacientes (busca)');
    await h.screenshot(medico, 'homologation-patients-search');
    await medico.getByRole('navigation', { name: 'Entidades da homologação' }).getByRole('link', { name: /^Prontuários/ }).click();
    await expect(medico.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Homologação: Prontuários');
    expect(await medico.locator('tbody tr').count()).toBeGreaterThan(10);
    await checkAxe(medico, 'prontuários (médico)');
    await h.screenshot(medico, 'homologation-prontuarios');
    await medico.getByRole('navigation', { name: 'Entidades da homologação' }).getByRole('link', { name: /^Documentos gerados/ }).click();
    await checkAxe(medico, 'documentos gerados (médico)');
  });

  it('the gestor sees the personal screens and the EHR refusal page', async () => {
    await gestor.goto('/p/migration/homologacao/agendamentos');
    await expect(gestor.getByTestId('homologation-banner').textContent()).resolves.toContain(BANNER);
    await checkAxe(gestor, 'agendamentos (gestor)');
    await h.screenshot(gestor, 'homologation-appointments');
    const refused = await gestor.goto('/p/migration/homologacao/prontuarios');
    expect(refused?.status()).toBe(403);
    await expect(gestor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Prontuário indisponível para este acesso');
    await checkAxe(gestor, 'recusa EHR (gestor)');
    await h.screenshot(gestor, 'homologation-ehr-refused');
    expect(axe).toEqual([]);
  });
});
