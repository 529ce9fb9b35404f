/**
 * The baseline of the HTTP benchmarks: what someone would write without the product — a bare Hono app
 * on @hono/node-server with postgres.js, connected as the database owner (no row-level security, no
 * session, no layout). Run as a child process by `npm run bench:http`:
 *   node --import tsx tests/bench/http/bare-server.ts <port> <database url> <reseller id> <page size>
 *
 * GET /bases?q=…  a plain `ILIKE '%q%'` on that singular's bases with `count(*) over ()`, the first
 *                 page rendered as a simple HTML table (the same rows the product's page shows).
 * GET /healthz    `select 1` as JSON (the bare counterpart of a minimal page).
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import postgres from 'postgres';

const [port, url, resellerId, pageSize] = process.argv.slice(2);
if (!port || !url || !resellerId || !pageSize) throw new Error('usage: bare-server.ts <port> <url> <reseller id> <page size>');

const sql = postgres(url, { max: 10, onnotice: () => {} });
const app = new Hono();

interface Row {
  id: string;
  name: string;
  cnpj: string | null;
  city: string | null;
  uf: string | null;
  status: string;
  total: string;
}

app.get('/bases', async (c) => {
  const q = (c.req.query('q') ?? '').replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const rows = await sql<Row[]>`
    select id, name, cnpj, city, uf, status, count(*) over () as total
    from clinics
    where reseller_id = ${Number(resellerId)} and name ilike ${`%${q}%`}
    order by name, id
    limit ${Number(pageSize)}`;
  const total = rows[0]?.total ?? '0';
  return c.html(html`<!doctype html>
    <html lang="pt-BR">
      <head><meta charset="utf-8" /><title>Bases clínicas</title></head>
      <body>
        <p>${total} bases encontradas</p>
        <table>
          <tr><th>Id da base</th><th>Nome</th><th>CNPJ</th><th>Cidade / UF</th><th>Situação</th></tr>
          ${rows.map(
            (r) => html`<tr><td>${r.id}</td><td><a href="/bases/${r.id}">${r.name}</a></td><td>${r.cnpj ?? '—'}</td><td>${[r.city, r.uf].filter(Boolean).join(' / ')}</td><td>${r.status}</td></tr>`,
          )}
        </table>
      </body>
    </html>`);
});

app.get('/healthz', async (c) => {
  await sql`select 1`;
  return c.json({ status: 'ok', db: 'ok' });
});

serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('listening'));
