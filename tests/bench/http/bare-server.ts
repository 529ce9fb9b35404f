/**
 * The baseline of the HTTP benchmarks: what someone would write without the product — a bare Hono app
 * on @hono/node-server with postgres.js, connected as the database owner (no row-level security, no
 * session, no layout). Run as a child process by `npm run bench:http`:
 *   node --import tsx tests/bench/http/bare-server.ts <port> <database url> <reseller id> <page size>
 *
 * GET /bases?q=…  the session statement below, then a plain `ILIKE '%q%'` on that singular's bases with `count(*) over ()`, the first
 *                 page rendered as a simple HTML table (the same rows the product's page shows).
 * GET /healthz    `select 1` as JSON.
 * GET /sessao     the product's session statement (session + user + memberships + active base, the
 *                 same SQL as core/src/auth/request-actor.ts) for the cookie, as JSON: the bare
 *                 counterpart of `/healthz` with a session cookie.
 * GET /notificacoes  the same session statement, then the user's latest notifications and unread count,
 *                 rendered as a simple HTML list: the bare counterpart of a minimal signed-in page.
 *
 * The same work under the product's database design, still without the product's code: every statement
 * the product sends for the page, in the same round trips — `begin`, the signed scope entry with the
 * switch to the request role, the session statement under row-level security, the page's reads in a
 * savepoint, `commit` — sent straight through postgres.js on one reserved connection, with no framework,
 * middleware or layout. They separate what the database design costs (transaction, signed scopes, RLS)
 * from what the application adds on top of it.
 * GET /sessao-rls        the counterpart of `/healthz` with a session cookie (round trip 2: savepoint, `select 1`).
 * GET /notificacoes-rls  the counterpart of `/notificacoes` (round trip 2: savepoint, the actor's scope
 *                        entry, the plugin gate, the unread count, the list).
 */
import { createHash } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { html } from 'hono/html';
import postgres from 'postgres';

const [port, url, resellerId, pageSize] = process.argv.slice(2);
if (!port || !url || !resellerId || !pageSize) throw new Error('usage: bare-server.ts <port> <url> <reseller id> <page size>');

const sql = postgres(url, { max: 10, onnotice: () => {} });
const app = new Hono();
const [{ key: scopeKeyHex }] = (await sql`select encode(key, 'hex') as key from app_private.scope_key where id = 1`) as unknown as [{ key: string }];
const scopeKey = Buffer.from(scopeKeyHex, 'hex');

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
  if (!(await sessionOf(c.req.header('cookie')))) return c.redirect('/entrar');
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

/** The product's one session statement, without row-level security or its transaction. */
async function sessionOf(cookieHeader: string | undefined) {
  const id = sessionIdOf(cookieHeader);
  if (!id) return null;
  const [row] = await sessionStatement(sql, id);
  return activeSession(row);
}

function sessionIdOf(cookieHeader: string | undefined): string | null {
  const token = /(?:^|;\s*)painel_sessao=([a-z2-7]{32})/.exec(cookieHeader ?? '')?.[1];
  return token ? createHash('sha256').update(token).digest('hex') : null;
}

function activeSession(row: postgres.Row | undefined) {
  return row && row.status === 'active' && new Date(row.expires_at as string) > new Date() ? row : null;
}

function sessionStatement(sql: postgres.Sql, id: string) {
  return sql`
    select s.id, s.expires_at, s.last_seen_at, u.id as user_id, u.email, u.name, u.kind, u.reseller_id, u.status,
      coalesce((
        select json_agg(json_build_object('resellerId', m.reseller_id, 'clinicId', m.clinic_id, 'role', m.role, 'clinicName', c.name,
               'resellerName', r.name) order by c.name, m.clinic_id)
          from memberships m
          join clinics c on c.reseller_id = m.reseller_id and c.id = m.clinic_id
          join resellers r on r.id = m.reseller_id
         where m.user_id = u.id and c.status = 'active'), '[]'::json) as memberships,
      (select json_build_object('resellerId', c.reseller_id, 'clinicId', c.id, 'name', c.name, 'resellerName', r.name)
         from clinics c join resellers r on r.id = c.reseller_id
        where c.id = s.active_clinic_id and c.status = 'active') as active
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id}
    limit 1`;
}

/** `app_enter_scope(…)` signed as core/src/db/scope-entry.ts signs it; `first` also switches to the request role. */
function enterScope(sql: postgres.ReservedSql, values: [string, string, string, string], first: boolean) {
  const clockNow = new Date().toISOString();
  const expires = Math.floor(Date.now() / 1000) + 300;
  const inner = createHash('sha256').update([...values, clockNow, String(expires)].join('|'), 'utf8').digest();
  const signature = createHash('sha256').update(Buffer.concat([scopeKey, inner])).digest('hex');
  const [scope, userId, resellerId, clinicId] = values;
  return first
    ? sql`select set_config('jit', 'off', true), app_enter_scope(${scope}, ${userId}, ${resellerId}, ${clinicId}, ${clockNow}, ${expires}::bigint, ${signature}), set_config('role', 'painel_app', true)`
    : sql`select app_enter_scope(${scope}, ${userId}, ${resellerId}, ${clinicId}, ${clockNow}, ${expires}::bigint, ${signature})`;
}

/**
 * One request's database work as the product does it: round trip 1 `begin`, the auth scope entry and the
 * session statement; round trip 2 what `page` sends (in a savepoint); round trip 3 `commit`.
 */
async function inRequestTransaction<T>(cookieHeader: string | undefined, page: (tx: postgres.ReservedSql, session: postgres.Row) => Promise<T>): Promise<T | null> {
  const id = sessionIdOf(cookieHeader);
  if (!id) return null;
  const tx = await sql.reserve();
  try {
    const [, , [row]] = await Promise.all([tx`begin`, enterScope(tx, ['auth', '', '', ''], true), sessionStatement(tx, id)]);
    const session = activeSession(row);
    const result = session ? await page(tx, session) : null;
    await tx`commit`;
    return result;
  } catch (error) {
    await tx`rollback`.catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}

app.get('/sessao', async (c) => {
  const session = await sessionOf(c.req.header('cookie'));
  if (!session) return c.json({ status: 'login' }, 401);
  return c.json({ status: 'ok', user: session.email });
});

app.get('/notificacoes', async (c) => {
  const session = await sessionOf(c.req.header('cookie'));
  if (!session) return c.redirect('/entrar');
  const [items, [unread]] = await Promise.all([
    sql`select id, title, body, link, created_at, read_at from notifications where user_id = ${session.user_id as number} order by created_at desc, id desc limit 50`,
    sql`select count(*)::int as n from notifications where user_id = ${session.user_id as number} and read_at is null`,
  ]);
  return c.html(html`<!doctype html>
    <html lang="pt-BR">
      <head><meta charset="utf-8" /><title>Notificações</title></head>
      <body>
        <p>${session.name} — ${unread?.n ?? 0} não lidas</p>
        <ul>${items.map((n) => html`<li><a href="${n.link ?? '#'}">${n.title}</a> ${n.body ?? ''}</li>`)}</ul>
      </body>
    </html>`);
});

app.get('/sessao-rls', async (c) => {
  const email = await inRequestTransaction(c.req.header('cookie'), async (tx, session) => {
    await Promise.all([tx`savepoint s1`, tx`select 1`]);
    return session.email as string;
  });
  if (!email) return c.json({ status: 'login' }, 401);
  return c.json({ status: 'ok', user: email });
});

app.get('/notificacoes-rls', async (c) => {
  const page = await inRequestTransaction(c.req.header('cookie'), async (tx, session) => {
    const userId = session.user_id as number;
    const resellerId = String(session.reseller_id ?? '');
    const [, , , [unread], items] = await Promise.all([
      tx`savepoint s1`,
      enterScope(tx, ['reseller', String(userId), resellerId, ''], false),
      tx`select plugin_id from reseller_plugins where reseller_id = ${resellerId} and enabled = true`,
      tx`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
      tx`select id, title, body, link, created_at, read_at from notifications where user_id = ${userId} order by created_at desc, id desc limit 50`,
    ]);
    return { name: session.name as string, unread: (unread?.n as number) ?? 0, items };
  });
  if (!page) return c.redirect('/entrar');
  return c.html(html`<!doctype html>
    <html lang="pt-BR">
      <head><meta charset="utf-8" /><title>Notificações</title></head>
      <body>
        <p>${page.name} — ${page.unread} não lidas</p>
        <ul>${page.items.map((n) => html`<li><a href="${n.link ?? '#'}">${n.title}</a> ${n.body ?? ''}</li>`)}</ul>
      </body>
    </html>`);
});

serve({ fetch: app.fetch, port: Number(port), hostname: '127.0.0.1' }, () => console.log('listening'));
