import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

/** Script errors only: a refused page's own 403 status is expected here, not a failure. */
/** Live countdowns run on the browser's clock: start it at the app's (seeded) time. */
async function pageOnAppTime(h: BrowserHarness): Promise<Page> {
  const page = await h.newPage();
  await page.clock.install({ time: h.app.services.clock.now() });
  return page;
}

function scriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('status of 403')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

describe('support access grant in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gestor grants 1 hora, the agent enters and sees the banner, the gestor revokes, the next click is refused', async () => {
    const gestor = await pageOnAppTime(h);
    const gestorErrors = scriptErrors(gestor);
    await h.login(gestor, 'clinica@demo.test');
    await gestor.getByText('Carla Gestora').click();
    await gestor.getByRole('link', { name: 'Acesso suporte' }).click();
    await expect(gestor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Acesso suporte');
    // The demo base already has a 1-day grant: the gestor replaces it by 1 hora.
    await expect(gestor.getByTestId('grant-choice').textContent()).resolves.toContain('Já existe um acesso ativo');
    await gestor.getByLabel('1 hora').check();
    await gestor.getByLabel('Motivo ou número do chamado (opcional)').fill('Chamado #5120 — agenda não abre');
    await gestor.getByRole('button', { name: 'Substituir' }).click();
    await expect(gestor.locator('.flash-success').textContent()).resolves.toContain('Acesso substituído: o novo acesso vai até');
    await expect(gestor.getByTestId('grant-countdown').textContent()).resolves.toMatch(/^(59 min|1 h)$/);
    await expect(gestor.getByTestId('active-grant').textContent()).resolves.toContain('Chamado #5120');
    await h.screenshot(gestor, 'support-access-1-gestor-granted');

    const agent = await pageOnAppTime(h);
    const agentErrors = scriptErrors(agent);
    await h.login(agent, 'suporte@demo.test');
    await agent.getByRole('link', { name: 'Bases liberadas' }).first().click();
    await expect(agent.getByTestId('granted-base-1001').textContent()).resolves.toContain('Chamado #5120');
    await h.screenshot(agent, 'support-access-2-agent-bases');
    await agent.getByTestId('granted-base-1001').getByRole('button', { name: 'Entrar na base' }).click();
    const banner = agent.getByTestId('support-banner');
    await expect(banner.textContent()).resolves.toMatch(/Acesso de suporte — expira em (59 min|1 h)/);
    await expect(agent.getByTestId('current-base').textContent()).resolves.toContain('Clínica Demo Centro');
    await h.screenshot(agent, 'support-access-3-agent-inside-with-banner');

    await gestor.getByRole('button', { name: 'Revogar acesso' }).click();
    await expect(gestor.locator('.flash-success').textContent()).resolves.toContain('Acesso revogado');
    await expect(gestor.getByTestId('grant-history').textContent()).resolves.toContain('Revogado');
    await h.screenshot(gestor, 'support-access-4-gestor-revoked');

    await agent.getByRole('link', { name: 'Solicitar acesso' }).first().click();
    await expect(agent.getByTestId('support-ended').textContent()).resolves.toContain('O acesso de suporte a esta base terminou');
    await expect(agent.getByTestId('support-banner').count()).resolves.toBe(0);
    await h.screenshot(agent, 'support-access-5-agent-refused');

    await gestor.reload();
    await expect(gestor.getByTestId('access-log').textContent()).resolves.toContain('acesso encerrado');
    await h.screenshot(gestor, 'support-access-6-gestor-access-log');
    expect(gestorErrors).toEqual([]);
    expect(agentErrors).toEqual([]);
  }, 120_000);
});
