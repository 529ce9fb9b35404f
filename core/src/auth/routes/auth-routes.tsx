import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CoreServices } from '../../app/services.ts';
import { users } from '../../db/schema/index.ts';
import { HttpError } from '../../http/http-error.ts';
import type { ScreenRouter } from '../../http/screen-router.ts';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { PageHeader } from '../../ui/components.tsx';
import { t } from '../../ui/messages.ts';
import { plural } from '../../ui/plural.ts';
import { renderPage } from '../../ui/render.tsx';
import { LoginThrottle } from '../login-throttle.ts';
import { verifyDecoy, verifyPassword } from '../password.ts';
import { clearSessionCookie, writeSessionCookie } from '../session-cookie.ts';
import { LoginForm } from './login-page.tsx';

const loginForm = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

/** Only same-site relative paths are accepted as the post-login destination. */
function safeNext(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/';
}

export function authRoutes(router: ScreenRouter, services: CoreServices): void {
  const { sessions, throttle, audit, config } = services;
  const secure = config.secureCookies;
  const publicMeta = { permission: 'public', dataClass: 'general' } as const;

  router.get('/login', publicMeta, (c) => {
    if (c.get('actor').user) return c.redirect('/', 303);
    const notice = c.req.query('saiu') ? t('logout.done') : c.req.query('expirou') ? t('login.expired') : undefined;
    return renderPage(c, { title: t('login.title'), body: <LoginForm next={c.req.query('next')} notice={notice} /> });
  });

  router.post('/login', { ...publicMeta, maxBodyBytes: 16 * 1024 }, async (c) => {
    const form = loginForm.safeParse(await c.req.parseBody());
    if (!form.success) {
      return renderPage(c, { title: t('login.title'), body: <LoginForm error={t('login.required')} />, status: 400 });
    }
    const { email, password } = form.data;
    const ip = c.get('clientIp');
    const keys = LoginThrottle.keys(email, ip);
    const admission = await throttle.admit(keys);
    if (!admission.allowed) {
      const retry = Math.max(1, Math.ceil((admission.retryAt.getTime() - services.clock.now().getTime()) / 1000));
      await audit.append({ action: 'auth.login', outcome: 'denied', actorEmail: email, ip, requestId: c.get('requestId'), details: { reason: 'throttled' } });
      c.header('Retry-After', String(retry));
      return renderPage(c, {
        title: t('error.429.title'),
        body: <LoginForm email={email} error={t('login.throttled', { time: formatTime(admission.retryAt) })} />,
        status: 429,
      });
    }
    const [user] = await services.db.scoped({ kind: 'auth' }, (tx) =>
      tx.select().from(users).where(eq(users.email, email)).limit(1),
    );
    const ok =
      user && user.status === 'active' && user.passwordHash
        ? await verifyPassword(user.passwordHash, password)
        : await verifyDecoy(password);
    if (!ok || !user) {
      await audit.append({
        action: 'auth.login',
        outcome: 'denied',
        actorUserId: user?.id,
        actorEmail: email,
        ip,
        requestId: c.get('requestId'),
        details: { reason: 'invalid_credentials' },
      });
      return renderPage(c, {
        title: t('login.title'),
        body: <LoginForm email={email} error={t('login.invalid')} />,
        status: 401,
      });
    }
    await throttle.succeeded(keys);
    const previous = c.get('actor').sessionId;
    if (previous) await sessions.invalidate(previous);
    const { token, session } = await sessions.create(user.id, { ip, userAgent: c.req.header('user-agent') ?? null });
    writeSessionCookie(c, secure, token, session.expiresAt, services.clock.now());
    await audit.append({ action: 'auth.login', actorUserId: user.id, actorEmail: user.email, ip, requestId: c.get('requestId') });
    return c.redirect(safeNext(form.data.next), 303);
  });

  router.post('/logout', { permission: 'authenticated', dataClass: 'general' }, async (c) => {
    const actor = c.get('actor');
    if (actor.sessionId) await sessions.invalidate(actor.sessionId);
    clearSessionCookie(c, secure);
    await audit.append({ action: 'auth.logout', actorUserId: actor.user?.id, actorEmail: actor.user?.email, ip: c.get('clientIp'), requestId: c.get('requestId') });
    return c.redirect('/login?saiu=1', 303);
  });

  const sessionsMeta = { permission: 'authenticated', dataClass: 'personal', screen: 'Minhas sessões' } as const;

  router.get('/minhas-sessoes', sessionsMeta, async (c) => {
    const actor = c.get('actor');
    const list = await sessions.listActive(actor.user!.id);
    return renderPage(c, {
      title: t('sessions.title'),
      body: (
        <>
          <PageHeader title={t('sessions.title')} subtitle={t('sessions.intro')} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('sessions.device')}</th>
                  <th>{t('sessions.ip')}</th>
                  <th>{t('sessions.started')}</th>
                  <th>{t('sessions.lastSeen')}</th>
                  <th>{t('sessions.expires')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr data-testid="session-row">
                    <td>{describeAgent(s.userAgent)}</td>
                    <td class="mono">{s.ip ?? '—'}</td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.lastSeenAt)}</td>
                    <td>{formatDateTime(s.expiresAt)}</td>
                    <td class="actions-cell">
                      {s.id === actor.sessionId ? (
                        <span class="badge badge-ok">{t('sessions.current')}</span>
                      ) : (
                        <form method="post" action={`/minhas-sessoes/${s.id.slice(0, 16)}/encerrar`}>
                          <button type="submit" class="secondary outline">
                            {t('sessions.end')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.length > 1 && (
            <form method="post" action="/minhas-sessoes/encerrar-outras">
              <button type="submit" class="secondary">
                {t('sessions.endOthers')}
              </button>
            </form>
          )}
        </>
      ),
    });
  });

  // Sessions are addressed by the first 16 hex characters of their id: enough to tell a user's
  // sessions apart, never enough to be a usable credential (the id is itself only a hash).
  router.post('/minhas-sessoes/:handle/encerrar', sessionsMeta, async (c) => {
    const actor = c.get('actor');
    const handle = c.req.param('handle') ?? '';
    if (!/^[0-9a-f]{16}$/.test(handle)) throw new HttpError(404);
    const mine = await sessions.listActive(actor.user!.id);
    const target = mine.find((s) => s.id.startsWith(handle) && s.id !== actor.sessionId);
    if (!target) throw new HttpError(404);
    await sessions.invalidateOwn(actor.user!.id, target.id);
    await audit.append({ action: 'auth.session.end', actorUserId: actor.user!.id, actorEmail: actor.user!.email, ip: c.get('clientIp'), requestId: c.get('requestId') });
    await c.get('flash')(t('sessions.ended'), 'success');
    return c.redirect('/minhas-sessoes', 303);
  });

  router.post('/minhas-sessoes/encerrar-outras', sessionsMeta, async (c) => {
    const actor = c.get('actor');
    const count = await sessions.invalidateOthers(actor.user!.id, actor.sessionId!);
    await audit.append({ action: 'auth.session.end_others', actorUserId: actor.user!.id, actorEmail: actor.user!.email, ip: c.get('clientIp'), requestId: c.get('requestId'), details: { count } });
    await c.get('flash')(t('sessions.endedOthers', { sessions: plural(count, { one: 'sessão encerrada', other: 'sessões encerradas' }) }), 'success');
    return c.redirect('/minhas-sessoes', 303);
  });
}

function describeAgent(ua: string | null): string {
  if (!ua) return 'Desconhecido';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : 'Navegador';
  const os = /Windows/.test(ua) ? 'Windows' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} · ${os}` : browser;
}
