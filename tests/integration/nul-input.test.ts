import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const conquistas = (descricao: string) =>
  JSON.stringify(
    {
      conquistas: [
        {
          descricao,
          bloqueada: false,
          notificado: true,
          tarefas: [{ titulo: 'Assistir', efetuada: false, identificador_artigo: 'https://youtu.be/dQw4w9WgXcQ' }],
        },
      ],
    },
    null,
    2,
  );

/** A NUL character cannot be stored in PostgreSQL text: every input refuses it with a pt-BR message. */
describe.each(testDrivers())('NUL characters in input on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let admin: string;

  const upload = (text: string, nome = 'Trilha com NUL') => {
    const form = new FormData();
    form.set('trilha', 'nova');
    form.set('nome', nome);
    form.set('previa', '');
    form.set('arquivo', new File([text], 'conquistas.json', { type: 'application/json' }));
    return t.request('/conteudos/enviar', { method: 'POST', body: form, cookie: admin });
  };
  const trackCount = async () =>
    (await db.query<{ n: number }>(db.owner, sql`select count(*)::int as n from content.tracks`))[0]!.n;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    admin = await t.login('singular@demo.test');
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses \\u0000 in a conquistas value with a located 422, storing nothing', async () => {
    const before = await trackCount();
    const text = conquistas('Primeira\u0000 conquista');
    expect(text).toContain('\\u0000');
    const res = await upload(text);
    expect(res.status).toBe(422);
    const html = await res.text();
    const row = /<tr data-testid="upload-error">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim());
    const line = text.split('\n').findIndex((l) => l.includes('"descricao"')) + 1;
    expect(Number(cells[0]), 'the error points at the line of "descricao"').toBe(line);
    expect(cells[3]).toContain('caractere nulo');
    expect(await trackCount()).toBe(before);
  });

  it('refuses NUL in a form field, urlencoded or multipart, with a pt-BR 400', async () => {
    const login = await t.request('/login', { form: { email: 'singular@demo.test\u0000', password: 'demo1234' } });
    expect(login.status).toBe(400);
    expect(await login.text()).toContain('caractere nulo');

    const before = await trackCount();
    const multipart = await upload(conquistas('Primeira conquista'), 'Nome\u0000ruim');
    expect(multipart.status).toBe(400);
    const html = await multipart.text();
    expect(html).toContain('Dados inválidos');
    expect(html).toContain('O campo &quot;nome&quot; contém um caractere nulo');
    expect(await trackCount()).toBe(before);
  });

  it('refuses NUL in a query parameter with a pt-BR 400', async () => {
    const res = await t.request('/bases?q=10%0001', { cookie: admin });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('caractere nulo');
  });
});
