import {
  type CoreServices,
  EmptyState,
  formatDateTime,
  HttpError,
  PageHeader,
  Pagination,
  renderPage,
  type ScreenRouter,
} from '@painel/core/module';
import { type BookingStatus, bookingStatuses } from '../db/schema.ts';
import { auditContent } from '../shared/audit.ts';
import { managedOwner } from '../shared/track-access.ts';
import { bookingStatusBadge, bookingStatusLabel } from './booking-labels.ts';
import { listBookings, updateBookingStatus } from './booking-store.ts';
import { formatSlot } from './format-slot.ts';

const meta = { permission: 'reseller.manage', dataClass: 'personal', screen: 'Pedidos de agendamento' } as const;
const PAGE_SIZE = 50;

const isStatus = (v: unknown): v is BookingStatus => typeof v === 'string' && (bookingStatuses as readonly string[]).includes(v);

/** Customer success (platform admins, every reseller) and reseller admins (their bases) follow the requests. */
export function bookingAdminRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/agendamentos', meta, async (c) => {
    const owner = managedOwner(c.get('actor'));
    const statusParam = c.req.query('status');
    const status = isStatus(statusParam) ? statusParam : undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1));
    const { items, hasNext } = await c.get('tx')((tx) =>
      listBookings(tx, { resellerId: owner.kind === 'reseller' ? owner.resellerId : undefined, status, page, pageSize: PAGE_SIZE }),
    );
    const href = (s: BookingStatus | undefined, p = 1) => {
      const q = new URLSearchParams();
      if (s) q.set('status', s);
      if (p > 1) q.set('pagina', String(p));
      const qs = q.toString();
      return `/conteudos/agendamentos${qs ? `?${qs}` : ''}`;
    };
    const returnTo = href(status, page);
    return renderPage(c, {
      title: 'Pedidos de agendamento',
      body: (
        <>
          <PageHeader
            title="Pedidos de agendamento"
            subtitle={
              owner.kind === 'platform'
                ? 'Pedidos de conversa com o Sucesso do Cliente, de todas as singulares.'
                : 'Pedidos de conversa com o Sucesso do Cliente feitos nas bases da sua singular.'
            }
          />
          <nav class="status-filter" aria-label="Filtrar por status">
            <a href={href(undefined)} aria-current={status === undefined ? 'page' : undefined}>
              Todos
            </a>
            {bookingStatuses.map((s) => (
              <a href={href(s)} aria-current={status === s ? 'page' : undefined}>
                {bookingStatusLabel[s]}
              </a>
            ))}
          </nav>
          {items.length === 0 ? (
            <EmptyState>Nenhum pedido {status ? `com status “${bookingStatusLabel[status]}”` : 'ainda'}.</EmptyState>
          ) : (
            <div class="table-wrap">
              <table data-testid="bookings-table">
                <thead>
                  <tr>
                    <th scope="col">Pedido</th>
                    <th scope="col">Usuário e base</th>
                    <th scope="col">Horários preferidos</th>
                    <th scope="col">Observação</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((b) => (
                    <tr data-testid="booking-row">
                      <td>
                        {formatDateTime(b.createdAt)}
                        <br />
                        <small class="muted">nº {b.id}</small>
                      </td>
                      <td>
                        <strong>{b.userName}</strong>
                        <br />
                        <small>{b.userEmail}</small>
                        <br />
                        <small class="muted">
                          {b.clinicName} · id {b.clinicId}
                          {owner.kind === 'platform' ? ` · ${b.resellerName}` : ''}
                        </small>
                      </td>
                      <td>
                        <ol class="slot-list">
                          {b.preferredSlots.map((s) => (
                            <li>{formatSlot(s)}</li>
                          ))}
                        </ol>
                      </td>
                      <td class="note-cell">{b.note ? <span class="preline">{b.note}</span> : <span class="muted">—</span>}</td>
                      <td>
                        <form method="post" action={`/conteudos/agendamentos/${b.resellerId}/${b.id}/status`} class="status-form">
                          <input type="hidden" name="voltar" value={returnTo} />
                          <span class={`badge ${bookingStatusBadge[b.status]}`}>{bookingStatusLabel[b.status]}</span>
                          <label for={`st-${b.resellerId}-${b.id}`} class="visually-hidden">
                            Novo status do pedido {b.id}
                          </label>
                          <select id={`st-${b.resellerId}-${b.id}`} name="status">
                            {bookingStatuses.map((s) => (
                              <option value={s} selected={s === b.status}>
                                {bookingStatusLabel[s]}
                              </option>
                            ))}
                          </select>
                          <button type="submit" class="secondary outline">
                            Alterar
                          </button>
                        </form>
                        {b.updatedByName && (
                          <small class="muted">
                            {formatDateTime(b.updatedAt)} · {b.updatedByName}
                          </small>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} hasNext={hasNext} makeHref={(p) => href(status, p)} />
        </>
      ),
    });
  });

  router.post('/conteudos/agendamentos/:reseller/:id/status', meta, async (c) => {
    const actor = c.get('actor');
    const owner = managedOwner(actor);
    const resellerId = Number(c.req.param('reseller'));
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(resellerId) || !Number.isSafeInteger(id)) throw new HttpError(404);
    if (owner.kind === 'reseller' && owner.resellerId !== resellerId) throw new HttpError(404);
    const form = await c.req.parseBody();
    const back = typeof form.voltar === 'string' && form.voltar.startsWith('/conteudos/agendamentos') ? form.voltar : '/conteudos/agendamentos';
    if (!isStatus(form.status)) {
      await c.get('flash')('Escolha um status da lista. Nada foi alterado.', 'error');
      return c.redirect(back, 303);
    }
    const status = form.status;
    const changed = await c.get('tx')(async (tx) => {
      const before = await updateBookingStatus(tx, { resellerId, id }, status, actor.user!.name, services.clock.now());
      if (!before) return null;
      if (before.before !== status) {
        await auditContent(c, tx, {
          action: 'content.booking.status',
          resellerId,
          clinicId: before.clinicId,
          target: `pedido de agendamento ${id}`,
          details: { from: before.before, to: status },
        });
        await services.notifications.notify(tx, [
          {
            userId: before.userId,
            resellerId,
            clinicId: before.clinicId,
            kind: 'content.booking',
            title: `Seu pedido de agendamento está ${bookingStatusLabel[status].toLowerCase()}`,
            body: 'Acompanhe o pedido em “Agendar um horário”.',
            link: '/painel/agendar',
          },
        ]);
      }
      return before;
    });
    if (!changed) throw new HttpError(404);
    await c.get('flash')(`Pedido nº ${id}: status ${bookingStatusLabel[status]}.`, 'success');
    return c.redirect(back, 303);
  });
}
