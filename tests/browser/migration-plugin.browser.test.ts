/**
 * The migration plugin in Chromium, from the request to the deletion of its data: the gestor asks for a
 * migration, the migration team books the extraction, the singular's admin fills the IT checklist, the
 * team takes the request through the feasibility analysis; the gestor uploads the patients export, the
 * validation job checks it and the gestor confirms its mapping; the team publishes version 1 (loaded from
 * that file), the gestor's mirror test finds a divergence, version 2 follows and the gestor approves it;
 * the team builds the final package (its checksums verify), runs the final version, the go-live checklist
 * is done and the gestor closes the migration; 14 days later (the clock jumps) everything is deleted and
 * audited. Everyone sees who acts next and by when at every step; the thread carries an attachment the
 * gestor downloads, the team uploads a backup and downloads it (the clinic side may not). Every migration
 * screen passes axe-core with no serious or critical violation.
 * Time starts on Monday 02/03/2026 09:00 in Brasília (the demo seed instant) and then runs for real.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prevalidation, verifyPackage } from '@painel/migration';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './support/axe.ts';
import { type BrowserHarness, reloadPage, startBrowserHarness } from './support/browser.ts';

describe('migration plugin in Chromium', () => {
  let h: BrowserHarness;
  let gestor: Page;
  let admin: Page;
  let team: Page;
  let requestPath = '';
  /** Valid rows of the patients export the gestor sends. */
  let valid = 0;
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
  const runJobs = async () => {
    for (let i = 0; i < 10; i++) if ((await h.app.host.scheduler.tickOnce()).length === 0) return;
  };
  const requestId = () => Number(requestPath.split('/').pop());
  const platformRows = <T,>(query: ReturnType<typeof sql>) => h.app.db.scoped({ kind: 'platform' }, (tx) => h.app.db.query<T>(tx, query));
  /** Marks every sample of the open report page with `verdict` (the first one diverging, when asked). */
  const markSamples = async (page: Page, verdict: 'confere' | 'diverge') => {
    const keys = await page.getByTestId('mirror-sample').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-entity')}-${e.getAttribute('data-line')}`));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of verdict === 'diverge' ? keys.slice(0, 1) : keys) {
      const sample = page.locator(`#amostra-${key}`);
      await sample.locator(`[name="veredito"][value="${verdict}"]`).check();
      if (verdict === 'diverge') await sample.locator('[name="comentario"]').fill('Nome da paciente sem o acento da origem');
      await Promise.all([page.waitForURL((u) => u.hash === `#amostra-${key}`), sample.getByRole('button', { name: 'Salvar marcação' }).click()]);
      await expect(sample.getByTestId('sample-review').textContent()).resolves.toContain(verdict === 'confere' ? 'Confere' : 'Diverge');
    }
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

    // The gestor sends the patients export; the validation job checks it; the gestor confirms the mapping.
    const dir = mkdtempSync(join(tmpdir(), 'painel-migration-walk-'));
    const table = prevalidation.generator.patients({ rows: 60, defects: { cpf_invalido: 2, data_invalida: 1 }, blankCpf: 2 });
    await prevalidation.generator.writeCsv(join(dir, 'Pacientes.csv'), table, { encoding: 'windows-1252', delimiter: ';' });
    await reload(gestor);
    await gestor.getByRole('link', { name: 'Arquivos e relatório de viabilidade' }).click();
    await gestor.getByLabel('Arquivo exportado do sistema antigo').setInputFiles(join(dir, 'Pacientes.csv'));
    await Promise.all([gestor.waitForURL(/\/arquivos\/\d+$/), gestor.getByRole('button', { name: 'Enviar e verificar' }).click()]);
    rmSync(dir, { recursive: true, force: true });
    await runJobs();
    await reloadPage(gestor);
    await gestor.waitForSelector('[data-testid="mapping-review"]', { timeout: 20_000 });
    await gestor.getByRole('button', { name: 'Confirmar mapeamento e verificar' }).click();
    await gestor.waitForSelector('.flash-success');
    await runJobs();
    await reloadPage(gestor);
    await expect(gestor.getByTestId('file-status').textContent()).resolves.toBe('Mapeamento confirmado');
    valid = Number(await gestor.getByTestId('file-report').getByTestId('valid').textContent());
    expect(valid).toBeGreaterThan(50);
    expect(valid).toBeLessThan(60); // the defective rows are left out

    // Version 1 is loaded from the confirmed file by a job.
    await reload(team);
    await act(team, 'publicar_validacao');
    await expect(nextStep(team)).resolves.toMatch(/Clínica e singular · até 17\/03\/2026 23:59/); // open 15 days
    await runJobs();
    const [v1] = await platformRows<{ state: string; counts: Record<string, { source?: number; staged: number }> }>(
      sql`select state, counts from migration.versions where request_id = ${requestId()} and number = 1`,
    );
    expect(v1).toEqual({ state: 'aberta', counts: { pacientes: expect.objectContaining({ source: 60, valid, staged: valid }) } });
    await team.locator('.side-nav').getByRole('link', { name: 'Risco de atraso na migração' }).click();
    await expect(team.getByTestId('risk-late').textContent()).resolves.toMatch(/\d+ atrasadas/);
    await checkAxe(team, 'risco (equipe)');
    await team.locator('.side-nav').getByRole('link', { name: 'Sistemas legados' }).click();
    await checkAxe(team, 'catálogo (equipe)');
  });

  it('the gestor finds a divergence in version 1, approves version 2, and the team builds the final package', async () => {
    await reload(gestor);
    await expect(gestor.getByText('Versão de validação 1').first().isVisible()).resolves.toBe(true);
    await expect(nextStep(gestor)).resolves.toMatch(/Clínica e singular · até 17\/03\/2026 23:59/);
    await gestor.getByRole('link', { name: 'Relatório de testes da versão 1' }).click();
    await expect(gestor.getByTestId('report-counts').textContent()).resolves.toContain('Conferem');
    await checkAxe(gestor, 'relatório de testes (gestor)');
    await h.screenshot(gestor, 'migration-test-report');
    await markSamples(gestor, 'diverge');
    await expect(gestor.locator('.flash-success').textContent()).resolves.toContain('voltou para ajustes');

    // The team adjusts and publishes version 2 (the same confirmed file); its report compares the counts with version 1.
    await reload(team);
    await expect(team.locator('[data-state="ajustes"]').first().isVisible()).resolves.toBe(true);
    await act(team, 'publicar_validacao');
    await runJobs();
    await reload(gestor);
    await gestor.getByRole('link', { name: 'Relatório de testes da versão 2' }).click();
    await expect(gestor.getByTestId('count-diff').first().textContent()).resolves.toContain('válidas 0');
    await markSamples(gestor, 'confere');
    await Promise.all([gestor.waitForURL(/\/relatorio$/), gestor.getByRole('button', { name: 'Aprovo esta versão' }).click()]);
    await expect(gestor.getByTestId('approved').isVisible()).resolves.toBe(true);
    await checkAxe(gestor, 'versão aprovada (gestor)');
    await reload(gestor);
    await expect(nextStep(gestor)).resolves.toMatch(/Equipe de migração/);

    // The final package: a job, then a zip whose manifest's checksums verify.
    await reload(team);
    await Promise.all([team.waitForURL(requestPathUrl()), team.getByRole('button', { name: 'Gerar pacote final da versão aprovada' }).click()]);
    await runJobs();
    await reload(team);
    const [zip] = await Promise.all([team.waitForEvent('download'), team.getByTestId('package-download').click()]);
    const checked = await verifyPackage(readFileSync((await zip.path())!));
    expect(checked.problems).toEqual([]);
    expect(checked.manifest!.files.map((f) => [f.entity, f.rows])).toEqual([['pacientes', valid]]);
    await checkAxe(team, 'pacote final (equipe)');
  });

  it('the team runs the final version, the go-live checklist is done, the gestor closes the migration, and 14 days later its data is deleted', async () => {
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

    // 16/03/2026, after the nightly run: files, homologation rows and packages gone, one audit entry saying what.
    h.clock.set('2026-03-16T04:00:00-03:00');
    await runJobs();
    const [audit] = await platformRows<{ details: { deleted: string; items: number } }>(
      sql`select details from audit_log where action = 'migration.retention.deleted' and target = ${`migração #${requestId()}`}`,
    );
    expect(audit!.details.deleted).toMatch(/arquivos de backup: 1 .*anexos das mensagens: 1 .*arquivos da pré-validação: [1-9].*dados de homologação das versões: [1-9]\d*; pacotes finais: 1 /);
    const [left] = await platformRows<{ staged: number; packages: string[] }>(
      sql`select (select count(*)::int from migration.staged_rows where request_id = ${requestId()}) as staged, (select array_agg(state) from migration.packages where request_id = ${requestId()}) as packages`,
    );
    expect(left).toEqual({ staged: 0, packages: ['apagado'] });
    const later = await h.newPage();
    await h.login(later, 'clinica@demo.test');
    await reload(later);
    await expect(later.getByTestId('retention').textContent()).resolves.toMatch(/foram excluídos em 16\/03\/2026/);
    await expect(later.getByTestId('checklist').textContent()).resolves.toContain('Completa'); // its password erased at closing

    await checkAxe(later, 'solicitação após a retenção (gestor)');
    await h.screenshot(later, 'migration-retention-done');
  });

  it('had no serious or critical axe violations, CSP violations or script errors', () => {
    expect(axe).toEqual([]);
    expect(errors).toEqual([]);
  });
});
