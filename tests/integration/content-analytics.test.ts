import type { Database } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('content analytics on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let admin: string;

  const csvRows = async (path: string) => {
    const res = await t.request(path, { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="analise-/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    return text.trim().split('\r\n').map((line) => line.split(';'));
  };

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    admin = await t.login('singular@demo.test');
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows completion per task, the drop-off as an accessible SVG chart and per base', async () => {
    const html = await (await t.request('/conteudos/analise', { cookie: admin })).text();
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="grafico-queda-title grafico-queda-desc"/);
    expect(html).toContain('<title id="grafico-queda-title">');
    expect(html).toContain('<desc id="grafico-queda-desc">');
    expect(html).toContain('data-testid="tasks-table"');
    // clinica@ in 1001, medico@ in 1001 and 1002: three user-base pairs; medico did task 1 in 1001.
    expect(html).toContain('<strong data-testid="population">3</strong>');
    expect(html).toContain('Clínica Demo Centro');
  });

  it('separates "completed" from "reached in order" (where users stop) and exports both CSVs', async () => {
    const medico = await t.login('medico@demo.test');
    const home = await (await t.request('/', { cookie: medico })).text();
    const forms = [...home.matchAll(/<form method="post" action="\/painel\/tarefas"[\s\S]*?<\/form>/g)]
      .map((m) => Object.fromEntries([...m[0].matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((x) => [x[1]!, x[2]!.replace(/&amp;/g, '&')])))
      .filter((f) => f.trilha !== '0');
    const third = forms.find((f) => f.tarefa === 'solicitacao de exames prontuario eletronico')!;
    expect((await t.request('/painel/tarefas', { form: third, cookie: medico })).status).toBe(303);

    const rows = await csvRows('/conteudos/analise/csv?tipo=tarefas');
    expect(rows[0]).toEqual(['ordem', 'conquista', 'tarefa', 'concluiram', 'concluiram_pct', 'chegaram_ate_aqui_em_ordem', 'chegaram_pct', 'usuarios']);
    const byOrder = rows.slice(1).map((r) => ({ title: r[2], completed: Number(r[3]), reached: Number(r[5]), users: Number(r[7]) }));
    expect(byOrder).toEqual([
      { title: 'Autorização de guia – Teleconsulta', completed: 1, reached: 1, users: 3 },
      { title: 'Geração e envio de lote – Faturamento', completed: 0, reached: 0, users: 3 },
      { title: 'Solicitação de Exames – Prontuário Eletrônico', completed: 1, reached: 0, users: 3 },
    ]);

    const bases = await csvRows('/conteudos/analise/csv?tipo=bases');
    expect(bases[0]).toEqual(['id_da_base', 'base', 'usuarios', 'concluiram_tudo', 'progresso_medio_pct']);
    expect(bases.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual([
      ['1001', '2', '33'],
      ['1002', '1', '0'],
    ]);
  });

  it('analyses the default track too, and keeps analytics to reseller admins', async () => {
    const html = await (await t.request('/conteudos/analise?trilha=padrao', { cookie: admin })).text();
    expect(html).toContain('Painel Singular em 5 etapas');
    expect(html).toContain('<strong data-testid="population">3</strong>');
    expect((await t.request('/conteudos/analise?trilha=999999', { cookie: admin })).status).toBe(404);
    const platform = await t.login('plataforma@demo.test');
    expect((await t.request('/conteudos/analise', { cookie: platform })).status).toBe(403);
    const vizinha = await t.login('vizinha@demo.test');
    const other = await (await t.request('/conteudos/analise', { cookie: vizinha })).text();
    expect(other).not.toContain('Processos da Singular Demo');
  });
});
