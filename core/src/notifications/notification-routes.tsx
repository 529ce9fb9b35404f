import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';
import { EmptyState, PageHeader } from '../ui/components.tsx';
import { formatDateTime } from '../ui/format.ts';
import { plural } from '../ui/plural.ts';
import { renderPage } from '../ui/render.tsx';

/** The bell (unread count in the header) and the notifications page. */
export function notificationRoutes(router: ScreenRouter, services: CoreServices): void {
  const { notifications } = services;

  // The count is read with the request's other prefetched data, for full pages (not htmx fragments).
  const prefetched = new WeakMap<object, number>();
  services.requests.addPrefetch(async (c, tx) => {
    const user = c.get('actor').user;
    if (user && !c.req.header('HX-Request')) prefetched.set(c.req.raw, await notifications.unreadCount(tx, user.id));
  });

  services.ui.addHeaderExtra(async (c) => {
    const actor = c.get('actor');
    if (!actor.user) return null;
    const unread = prefetched.get(c.req.raw) ?? (await c.get('tx')((tx) => notifications.unreadCount(tx, actor.user!.id)));
    const label = unread === 0 ? 'Notificações: nenhuma nova' : `Notificações: ${plural(unread, { one: 'não lida', other: 'não lidas' })}`;
    return (
      <a href="/notificacoes" class="bell" aria-label={label} title={label} data-testid="bell">
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && <span class="bell-count" data-testid="bell-count">{unread > 99 ? '99+' : unread}</span>}
      </a>
    );
  });

  const meta = { permission: 'authenticated', dataClass: 'personal', screen: 'Notificações' } as const;

  router.get('/notificacoes', meta, async (c) => {
    const user = c.get('actor').user!;
    // In the request's own scope (the query names the user): the page's prefetched reads travel with it.
    const items = await c.get('tx')((tx) => notifications.list(tx, user.id, 100));
    const unread = items.some((n) => !n.readAt);
    return renderPage(c, {
      title: 'Notificações',
      body: (
        <>
          <PageHeader
            title="Notificações"
            actions={
              unread && (
                <form method="post" action="/notificacoes/marcar-lidas">
                  <button type="submit" class="secondary outline">
                    Marcar todas como lidas
                  </button>
                </form>
              )
            }
          />
          {items.length === 0 ? (
            <EmptyState>Nenhuma notificação por enquanto.</EmptyState>
          ) : (
            <ul class="notification-list">
              {items.map((n) => (
                <li class={n.readAt ? 'read' : 'unread'} data-testid="notification">
                  <div>
                    <strong>{n.title}</strong>
                    {!n.readAt && <span class="badge badge-info">nova</span>}
                    {n.body && <p>{n.body}</p>}
                    {n.link && <a href={n.link}>Abrir</a>}
                  </div>
                  <small class="muted">{formatDateTime(n.createdAt)}</small>
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    });
  });

  router.post('/notificacoes/marcar-lidas', meta, async (c) => {
    const user = c.get('actor').user!;
    await c.get('tx')((tx) => notifications.markAllRead(tx, user.id), { kind: 'user', userId: user.id });
    return c.redirect('/notificacoes', 303);
  });
}
