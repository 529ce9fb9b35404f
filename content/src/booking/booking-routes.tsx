import { type AppEnv, type CoreServices, DateInput, formatDateTime, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { loadPanel } from '../panel/load-panel.ts';
import { progressOwner } from '../panel/panel-routes.tsx';
import { Icon } from '../panel/icons.tsx';
import { auditContent } from '../shared/audit.ts';
import { bookingStatusBadge, bookingStatusLabel } from './booking-labels.ts';
import { bookingRecipients } from './booking-recipients.ts';
import { type BookingRow, insertBooking, userBookings } from './booking-store.ts';
import { formatSlot } from './format-slot.ts';
import { checkSlots, HOURS_MESSAGE, MAX_NOTE_LENGTH, MAX_SLOTS, type SlotInput } from './slot-rules.ts';

const meta = { permission: 'content.panel', dataClass: 'personal', screen: 'Agendar um horário' } as const;

interface FormState {
  slots: SlotInput[];
  note: string;
  fieldErrors: Map<number, string>;
  noteError: string | null;
  formError: string | null;
}

const emptyForm = (): FormState => ({
  slots: Array.from({ length: MAX_SLOTS }, () => ({ date: '', time: '' })),
  note: '',
  fieldErrors: new Map(),
  noteError: null,
  formError: null,
});

const isOpen = (b: BookingRow) => b.status === 'novo' || b.status === 'agendado';

/** "Agendar um horário": the request form once the whole panel is done, then its status. */
export function bookingRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/painel/agendar', meta, async (c) => {
    const owner = progressOwner(c.get('actor'));
    const { complete, bookings } = await c.get('tx')(async (tx) => ({
      complete: (await loadPanel(tx, owner)).complete,
      bookings: await userBookings(tx, owner),
    }));
    return bookingPage(c, complete, bookings, emptyForm());
  });

  router.post('/painel/agendar', meta, async (c) => {
    const owner = progressOwner(c.get('actor'));
    const body = await c.req.parseBody();
    const form = emptyForm();
    form.slots = form.slots.map((_, i) => ({ date: String(body[`data${i + 1}`] ?? ''), time: String(body[`hora${i + 1}`] ?? '') }));
    form.note = String(body.observacao ?? '').replace(/\r\n?/g, '\n').trim();
    const now = services.clock.now();
    const check = checkSlots(form.slots, now);
    if (!check.ok) {
      form.fieldErrors = check.fieldErrors;
      form.formError = check.formError;
    }
    if (form.note.length > MAX_NOTE_LENGTH) {
      form.noteError = `A observação tem ${form.note.length} caracteres; o máximo é ${MAX_NOTE_LENGTH}.`;
    }
    const valid = check.ok && !form.noteError;
    const recipients = valid ? await bookingRecipients(services, owner.resellerId) : [];
    const outcome = await c.get('tx')(async (tx) => {
      const complete = (await loadPanel(tx, owner)).complete;
      const bookings = await userBookings(tx, owner);
      if (!complete || bookings.some(isOpen) || !check.ok || form.noteError) return { saved: false, complete, bookings } as const;
      const id = await insertBooking(tx, owner, { slots: check.slots, note: form.note || null, at: now });
      await auditContent(c, tx, {
        action: 'content.booking.create',
        resellerId: owner.resellerId,
        clinicId: owner.clinicId,
        target: `pedido de agendamento ${id}`,
        details: { slots: check.slots.map((s) => s.toISOString()) },
      });
      const actor = c.get('actor');
      const base = actor.activeClinic;
      await services.notifications.notify(
        tx,
        recipients.map((userId) => ({
          userId,
          kind: 'content.booking.new',
          title: 'Novo pedido de agendamento',
          body: `${actor.user!.name}${base ? ` (${base.name}, id ${base.clinicId})` : ''} pediu uma conversa com o Sucesso do Cliente. Horários preferidos: ${check.slots.map(formatSlot).join('; ')}.`,
          link: '/conteudos/agendamentos?status=novo',
          resellerId: owner.resellerId,
          clinicId: owner.clinicId,
        })),
      );
      return { saved: true } as const;
    });
    if (outcome.saved) {
      await c.get('flash')('Pedido enviado! Um consultor de Sucesso do Cliente vai confirmar um dos horários com você.', 'success');
      return c.redirect('/painel/agendar', 303);
    }
    return bookingPage(c, outcome.complete, outcome.bookings, form, 422);
  });
}

function bookingPage(c: Context<AppEnv>, complete: boolean, bookings: BookingRow[], form: FormState, status: 200 | 422 = 200) {
  const open = bookings.find(isOpen);
  return renderPage(c, {
    title: 'Agendar um horário',
    status,
    body: (
      <>
        <PageHeader
          title="Agendar um horário"
          subtitle="Uma conversa de 30 minutos com um consultor de Sucesso do Cliente para tirar dúvidas e conhecer mais recursos."
          actions={
            <a href="/" role="button" class="secondary outline">
              Voltar ao painel
            </a>
          }
        />
        {open ? (
          <SentRequest booking={open} />
        ) : complete ? (
          <BookingForm form={form} />
        ) : (
          <section class="card" data-testid="booking-locked">
            <p>
              <Icon name="lock" /> O agendamento é liberado quando você conclui todas as tarefas do painel de evolução.
            </p>
            <a href="/" role="button">
              Continuar o painel
            </a>
          </section>
        )}
        {bookings.filter((b) => b !== open).length > 0 && (
          <section class="plain" aria-labelledby="anteriores">
            <h2 id="anteriores" class="section-title">
              Pedidos anteriores
            </h2>
            <ul class="booking-history">
              {bookings
                .filter((b) => b !== open)
                .map((b) => (
                  <li>
                    {formatDateTime(b.createdAt)} —{' '}
                    <span class={`badge ${bookingStatusBadge[b.status]}`}>{bookingStatusLabel[b.status]}</span>
                  </li>
                ))}
            </ul>
          </section>
        )}
      </>
    ),
  });
}

function SentRequest({ booking }: { booking: BookingRow }) {
  return (
    <section class="card booking-sent" data-testid="booking-sent" aria-labelledby="pedido">
      <h2 id="pedido">
        Pedido enviado <span class={`badge ${bookingStatusBadge[booking.status]}`}>{bookingStatusLabel[booking.status]}</span>
      </h2>
      <p class="muted">
        Enviado em {formatDateTime(booking.createdAt)}.{' '}
        {booking.status === 'novo'
          ? 'Um consultor vai confirmar um dos horários com você.'
          : 'O consultor confirmou a conversa. Até lá!'}
      </p>
      <h3 class="small-heading">Horários que você sugeriu (horário de Brasília)</h3>
      <ol>
        {booking.preferredSlots.map((s) => (
          <li>{formatSlot(s)}</li>
        ))}
      </ol>
      {booking.note && (
        <>
          <h3 class="small-heading">Observação</h3>
          <p class="preline">{booking.note}</p>
        </>
      )}
    </section>
  );
}

function BookingForm({ form }: { form: FormState }) {
  return (
    <form method="post" action="/painel/agendar" class="card booking-form" data-testid="booking-form" novalidate>
      {form.formError && (
        <div class="flash flash-error" role="alert">
          {form.formError}
        </div>
      )}
      {form.fieldErrors.size > 0 && !form.formError && (
        <div class="flash flash-error" role="alert">
          Corrija os horários indicados abaixo. Nada foi enviado.
        </div>
      )}
      <p>
        Sugira <strong>duas ou três</strong> opções de data e horário. Atendemos de segunda a sexta, das 08:30 às 12:00 e das 13:30
        às 18:00 (horário de Brasília), exceto feriados nacionais.
      </p>
      {form.slots.map((slot, i) => {
        const error = form.fieldErrors.get(i);
        const errorId = `f-horario${i + 1}-error`;
        return (
          <fieldset class="slot" aria-describedby={error ? errorId : undefined}>
            <legend>
              Opção {i + 1}
              {i >= 2 ? <span class="muted"> (opcional)</span> : null}
            </legend>
            <div class="grid">
              <label for={`f-data${i + 1}`}>
                Data
                <DateInput
                  id={`f-data${i + 1}`}
                  name={`data${i + 1}`}
                  value={slot.date}
                  required={i < 2}
                  aria-invalid={error ? 'true' : undefined}
                />
              </label>
              <label for={`f-hora${i + 1}`}>
                Horário
                <input
                  id={`f-hora${i + 1}`}
                  name={`hora${i + 1}`}
                  type="time"
                  min="08:30"
                  max="17:30"
                  step={900}
                  value={slot.time}
                  required={i < 2}
                  aria-invalid={error ? 'true' : undefined}
                />
              </label>
            </div>
            {error && (
              <small id={errorId} class="field-error">
                {error}
              </small>
            )}
          </fieldset>
        );
      })}
      <label for="f-observacao">
        Observação <span class="muted">(opcional)</span>
        <textarea
          id="f-observacao"
          name="observacao"
          rows={3}
          maxlength={MAX_NOTE_LENGTH}
          aria-invalid={form.noteError ? 'true' : undefined}
          aria-describedby="f-observacao-hint"
        >
          {form.note}
        </textarea>
        <small id="f-observacao-hint">O que você gostaria de conversar? Até {MAX_NOTE_LENGTH} caracteres.</small>
        {form.noteError && <small class="field-error">{form.noteError}</small>}
      </label>
      <p class="muted small">{HOURS_MESSAGE}</p>
      <button type="submit">Enviar pedido</button>
    </form>
  );
}
