/**
 * The migration plugin in Chromium: the gestor asks for a migration, the migration team books the
 * extraction, the singular's admin fills the IT checklist, the team takes the request through the
 * feasibility analysis and a validation version, the gestor approves, the team runs the final version
 * and the gestor closes it — each of them seeing who acts next and by when at every step; the thread
 * carries an attachment the gestor downloads, the team uploads a backup and downloads it (the clinic side
 * may not), and the closed request gives the date its files are deleted. Every
 * migration screen passes axe-core with no serious or critical violation.
 * Time starts on Monday 02/03/2026 09:00 in Brasília (the demo seed instant) and then runs for real.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import { type BrowserHarness, startBrowserHarness } from './support/browser.ts';

describe('migration plugin in Chromium', () => {
  let h: BrowserHarness;
  let gestor: Page;
  let admin: Page;
  let team: Page;
  let requestPath = '';
  const errors: string[] = [];
  const axe: string[] = [];

  beforeAll(async () => {
    h = await startBrowserHarness('pglite', { plugins: ['@painel/migration'] });
    const open = async (email: string) => {
      const page = await h.newPage();
      page.on('console', (m) => {
        // A refused form answers 422 on purpose; anything else is an error.
        if (m.type() === 'error' && !m.text().includes('status of 422')) errors.push(`${email}: ${m.text()}`);
      });
      await h.login(page, email);
      return page;
    };
    [gestor, admin, team] = [await open('clinica@demo.test'), await open('singular@demo.test'), await open('migracao@demo.test')];
  });
  afterAll(async () => {
    await h?.close();
  });

  const checkAxe = async (page: Page, where: string) => {
    const violations = await axeViolations(page);
    if (violations.length > 0) axe.push(describeViolations(where, violations));
  };
  const nextStep = (page: Page) => page.getByTestId('next-step-card').textContent();
  const act = async (page: Page, action: string, fill: Record<string, string> = {}) => {
    const form = page.locator(`form[data-action="${action}"]`);
    for (const [name, value] of Object.entries(fill)) await form.locator(`[name="${name}"]`).fill(value);
    await Promise.all([page.waitForURL(requestPathUrl()), form.getByRole('button').click()]);
    await expect(page.locator('.flash-success').textContent()).resolves.toContain('feito');
  };
  const requestPathUrl = () => (url: URL) => url.pathname === requestPath;
  const reload = async (page: Page) => {
    await page.goto(requestPath);
  };

  it('the gestor asks for a migration through the form, with errors in pt-BR first', async () => {
    await gestor.locator('.side-nav').getByRole('link', { name: 'Migração de dados' }).click();
    await expect(gestor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Migração de dados');
    await checkAxe(gestor, 'lista (gestor)');
    await gestor.getByRole('button', { name: 'Solicitar migração' }).click();
    await expect(gestor.getByText('Clínica Demo Centro').first().isVisible()).resolves.toBe(true);
    await gestor.getByRole('button', { name: 'Enviar solicitação' }).click();
    await expect(gestor.getByTestId('form-errors').textContent()).resolves.toContain('Escolha o sistema legado na lista');
    await checkAxe(gestor, 'formulário com erros');
    await gestor.getByLabel('Sistema legado *').selectOption({ label: 'iClinic' });
    await gestor.locator('[name="versao"]').fill('2023.4');
    await gestor.locator('[name="dataDisponivel"]').fill('04/03/2026');
    await gestor.locator('[name="horaInicio"]').fill('08:00');
    await gestor.locator('[name="horaFim"]').fill('12:00');
    await gestor.locator('[name="contatoNome"]').fill('Carla Gestora');
    await gestor.locator('[name="contatoTelefone"]').fill('(49) 9 9970-0252');
    await gestor.locator('[name="contatoEmail"]').fill('carla@clinica.test');
    await gestor.locator('[name="analistaNome"]').fill('Sérgio Analista');
    await gestor.locator('[name="analistaTelefone"]').fill('(49) 3322-1100');
    await gestor.locator('[name="analistaEmail"]').fill('analista@singular.test');
    await gestor.getByLabel('A própria clínica extrai e envia os dados').check();
    await gestor.getByLabel('PostgreSQL').check();
    await gestor.locator('[name="entidades"][value="pacientes"]').check();
    await gestor.locator('[name="entidades"][value="agendamentos"]').check();
    await Promise.all([gestor.waitForURL(/\/p\/migration\/solicitacoes\/\d+$/), gestor.getByRole('button', { name: 'Enviar solicitação' }).click()]);
    requestPath = new URL(gestor.url()).pathname;
    // Monday 09:00 + 1 business day: the team answers by the end of Tuesday.
    await expect(nextStep(gestor)).resolves.toMatch(/Equipe de migração · até 03\/03\/2026 23:59/);
    await checkAxe(gestor, 'solicitação (gestor)');
  });

  it('the team books the extraction and the singular’s admin fills the IT checklist', async () => {
    await team.locator('.side-nav').getByRole('link', { name: 'Migração de dados' }).click();
    await checkAxe(team, 'fila (equipe)');
    await team.goto(requestPath);
    await expect(nextStep(team)).resolves.toMatch(/até 03\/03\/2026 23:59/);
    await checkAxe(team, 'solicitação (equipe)');
    await act(team, 'agendar_extracao', { data: '04/03/2026', hora: '08:00' });
    await expect(nextStep(team)).resolves.toMatch(/Clínica e singular · até 04\/03\/2026 08:00/);

    await admin.goto(requestPath);
    await expect(nextStep(admin)).resolves.toMatch(/Clínica e singular · até 04\/03\/2026 08:00/);
    await admin.getByText('Preencher a checagem').click();
    const checklist = admin.getByTestId('checklist-form');
    await checklist.locator('[name="todasTabelas"][value="sim"]').check();
    await checklist.locator('[name="precisaSenha"][value="sim"]').check();
    await checklist.locator('[name="senha"]').fill('Segredo#2026');
    await checklist.locator('[name="prazoLink"][value="sim"]').check();
    await checklist.locator('[name="dataLink"]').fill('20/03/2026');
    await Promise.all([admin.waitForURL((u) => u.pathname === requestPath), checklist.getByRole('button', { name: 'Salvar checagem' }).click()]);
    await expect(admin.getByTestId('password-hint').textContent()).resolves.toContain('(12 caracteres)');
    await expect(admin.content()).resolves.not.toContain('Segredo#2026');
    await checkAxe(admin, 'solicitação (singular)');
    await admin.locator('#f-mensagem').fill('Backup enviado pelo link combinado.');
    await admin.locator('#f-anexos').setInputFiles([{ name: 'convenios.csv', mimeType: 'text/csv', buffer: Buffer.from('codigo;nome\r\n1;Unimed\r\n') }]);
    await Promise.all([admin.waitForURL((u) => u.pathname === requestPath), admin.getByRole('button', { name: 'Enviar mensagem' }).click()]);
    await expect(admin.getByTestId('thread').textContent()).resolves.toContain('Backup enviado pelo link combinado.');
    await expect(admin.getByTestId('attachments').last().textContent()).resolves.toContain('convenios.csv');
    await checkAxe(admin, 'mensagens com anexo (singular)');

    // The gestor reads the thread and downloads the attachment.
    await reload(gestor);
    const [download] = await Promise.all([gestor.waitForEvent('download'), gestor.getByTestId('attachments').last().getByRole('link', { name: 'convenios.csv' }).click()]);
    expect(download.suggestedFilename()).toBe('convenios.csv');
    await gestor.locator('#mensagens').scrollIntoViewIfNeeded();
    await h.screenshot(gestor, 'migration-thread-attachment');
  });

  it('the team uploads the backup file and downloads it; the clinic side sees size and SHA-256 only', async () => {
    await reload(team);
    await team.locator('#f-arquivo').setInputFiles([{ name: 'legado.sql', mimeType: 'application/sql', buffer: Buffer.from('-- PostgreSQL database dump\nCREATE TABLE public.pacientes (id integer);\n') }]);
    await Promise.all([team.waitForURL((u) => u.pathname === requestPath), team.getByRole('button', { name: 'Enviar backup' }).click()]);
    await expect(team.getByTestId('backups').textContent()).resolves.toContain('legado.sql');
    const [download] = await Promise.all([team.waitForEvent('download'), team.getByTestId('backup-download').click()]);
    expect(download.suggestedFilename()).toBe('legado.sql');
    await checkAxe(team, 'backups (equipe)');
    await team.getByTestId('backups').scrollIntoViewIfNeeded();
    await h.screenshot(team, 'migration-backup-download');
    await reload(gestor);
    await expect(gestor.getByTestId('backups').textContent()).resolves.toContain('Só a equipe de migração baixa os arquivos');
    expect(await gestor.getByTestId('backup-download').count()).toBe(0);
  });

  it('the team receives the backup, analyses it and publishes a validation version', async () => {
    await reload(team);
    await act(team, 'registrar_backup');
    // Backup on Monday 02/03: feedback within 3 business days → end of Thursday 05/03.
    await expect(nextStep(team)).resolves.toMatch(/Equipe de migração · até 05\/03\/2026 23:59/);
    await act(team, 'iniciar_analise');
    await expect(nextStep(team)).resolves.toMatch(/até 05\/03\/2026 23:59/);
    const feedback = team.locator('form[data-action="enviar_parecer"]');
    await feedback.locator('[name="viavel"][value="sim"]').check();
    await act(team, 'enviar_parecer', { data: '13/03/2026', nota: 'Estrutura conhecida.' });
    await expect(nextStep(team)).resolves.toMatch(/até 13\/03\/2026 23:59/);
    await act(team, 'publicar_validacao');
    await expect(nextStep(team)).resolves.toMatch(/Clínica e singular · até 17\/03\/2026 23:59/); // open 15 days
    await team.locator('.side-nav').getByRole('link', { name: 'Risco de atraso na migração' }).click();
    await expect(team.getByTestId('risk-late').textContent()).resolves.toMatch(/\d+ atrasadas/);
    await checkAxe(team, 'risco (equipe)');
    await team.locator('.side-nav').getByRole('link', { name: 'Sistemas legados' }).click();
    await checkAxe(team, 'catálogo (equipe)');
  });

  it('the gestor approves version 1 on its test report, the team runs the final version, the go-live checklist is done and the gestor closes the migration', async () => {
    await reload(gestor);
    await expect(gestor.getByText('Versão de validação 1').first().isVisible()).resolves.toBe(true);
    await expect(nextStep(gestor)).resolves.toMatch(/Clínica e singular · até 17\/03\/2026 23:59/);
    // Publishing created version 1 and its load job: the job opens it with nothing staged (no file was confirmed
    // in this walk-through); its test report is where the gestor approves.
    await h.app.host.scheduler.tickOnce();
    await reload(gestor);
    await gestor.getByRole('link', { name: 'Relatório de testes da versão 1' }).click();
    const approve = gestor.getByRole('button', { name: 'Aprovo esta versão' });
    await expect(approve.isEnabled()).resolves.toBe(true);
    await checkAxe(gestor, 'relatório de testes (gestor)');
    await h.screenshot(gestor, 'migration-test-report');
    await approve.click();
    await gestor.waitForLoadState();
    await reload(gestor);
    await expect(nextStep(gestor)).resolves.toMatch(/Equipe de migração/);

    await reload(team);
    await act(team, 'agendar_final', { data: '09/03/2026', hora: '20:00' });
    await expect(nextStep(team)).resolves.toMatch(/até 09\/03\/2026 20:00/);
    await act(team, 'executar_final');
    // Two weeks to check the migrated data.
    await expect(nextStep(team)).resolves.toMatch(/Clínica e singular · até 16\/03\/2026 23:59/);

    // Closing needs the go-live checklist (seed 004) done: continuity, rollback plan, each step marked.
    await reload(gestor);
    const goLive = gestor.getByTestId('go-live-form');
    await goLive.locator('[name="continuidade"]').first().check();
    await goLive.locator('[name="rollback"]').fill('Voltar ao sistema antigo com o backup de 02/03/2026.');
    await Promise.all([gestor.waitForURL(requestPathUrl()), goLive.getByRole('button', { name: 'Salvar roteiro' }).click()]);
    for (let i = 0; i < 30; i++) {
      const mark = gestor.getByRole('button', { name: /^Marcar como feito/ });
      if ((await mark.count()) === 0) break;
      await Promise.all([gestor.waitForURL(requestPathUrl()), mark.first().click()]);
    }
    await checkAxe(gestor, 'roteiro de go-live (gestor)');

    await reload(admin);
    await expect(nextStep(admin)).resolves.toMatch(/até 16\/03\/2026 23:59/);
    await reload(gestor);
    await act(gestor, 'encerrar');
    await expect(gestor.locator('[data-state="encerrada"]').first().isVisible()).resolves.toBe(true);
    await expect(gestor.getByTestId('password-erased').isVisible()).resolves.toBe(true);
    await expect(gestor.getByTestId('timeline').textContent()).resolves.toContain('Encerrada');
    // Closed on 02/03/2026: the files go 14 days later.
    await expect(gestor.getByTestId('retention').textContent()).resolves.toMatch(/serão excluídos em 16\/03\/2026, 14 dias após o encerramento/);
    await checkAxe(gestor, 'solicitação encerrada (gestor)');
    await h.screenshot(gestor, 'migration-closed');
  });

  it('had no serious or critical axe violations, CSP violations or script errors', () => {
    expect(axe).toEqual([]);
    expect(errors).toEqual([]);
  });
});
