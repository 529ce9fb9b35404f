import { formatBusinessDuration, formatDateTime } from '@painel/core/plugin';
import type { AttachmentMeta } from '../attachments/attachment-store.ts';
import { categoryLabel, moduleLabel, priorityLabel, queueLabel } from '../domain/vocabulary.ts';
import { type GrantState, GrantPanel } from '../grants/grant-panel.tsx';
import type { SlaState } from '../sla/compute-sla.ts';
import { isSupportSide, type TicketRole } from '../tickets/ticket-access.ts';
import type { EventRow } from '../tickets/ticket-events.ts';
import type { Message, Ticket } from '../tickets/ticket-store.ts';
import { PriorityTag, SlaBadge, slaDetail, StatusTag } from '../ui/badges.tsx';
import { EventHistory } from '../ui/event-history.tsx';
import { ReplyForm, StatusForm, TriageForm } from '../ui/ticket-forms.tsx';
import { Thread } from '../ui/thread.tsx';

export interface TicketPageProps {
  ticket: Ticket;
  role: TicketRole;
  messages: Message[];
  attachments: AttachmentMeta[];
  events: EventRow[];
  sla: SlaState;
  /** The singular's standard TISS text, offered to the support side. */
  tissSuggestion?: string | undefined;
  grant?: GrantState | undefined;
  replyErrors?: string[] | undefined;
  replyValue?: string | undefined;
  continuedIn: number | null;
  backHref: string;
}

function SlaCard({ sla }: { sla: SlaState }) {
  return (
    <section class="card sup-side-card" aria-labelledby="sla-title" data-testid="sla-card">
      <h2 id="sla-title" class="sup-h2">
        Primeira resposta
      </h2>
      <p>
        <SlaBadge sla={sla} />
      </p>
      <dl class="sup-dl">
        {!sla.respondedAt && (
          <>
            <dt>Prazo</dt>
            <dd data-testid="sla-due">{sla.dueAt ? formatDateTime(sla.dueAt) : sla.outcome === 'paused' ? 'Pausado (aguardando cliente)' : '—'}</dd>
          </>
        )}
        <dt>Meta</dt>
        <dd>
          {sla.targetMs / 3_600_000} horas úteis ·{' '}
          {sla.triaged ? `prioridade ${priorityLabel[sla.priority].toLowerCase()}` : 'média (padrão, sem triagem)'}
        </dd>
        <dt>Tempo útil decorrido</dt>
        <dd>{formatBusinessDuration(sla.elapsedMs)}</dd>
        {sla.respondedAt && (
          <>
            <dt>Respondido em</dt>
            <dd>{formatDateTime(sla.respondedAt)}</dd>
          </>
        )}
      </dl>
      <p class="small muted">
        Horário útil: segunda a sexta, 08:30–12:00 e 13:30–18:00 (Brasília), exceto feriados nacionais. O prazo pausa enquanto o
        chamado aguarda o cliente.
      </p>
      <span class="sup-sr-only">{slaDetail(sla)}</span>
    </section>
  );
}

function Details({ ticket }: { ticket: Ticket }) {
  return (
    <section class="card sup-side-card" aria-labelledby="details-title">
      <h2 id="details-title" class="sup-h2">
        Dados do chamado
      </h2>
      <dl class="sup-dl">
        <dt>Base</dt>
        <dd>
          {ticket.clinicName} · id {ticket.clinicId}
        </dd>
        <dt>Singular</dt>
        <dd>{ticket.resellerName}</dd>
        <dt>Aberto por</dt>
        <dd>{ticket.openedByName}</dd>
        <dt>Aberto em</dt>
        <dd>{formatDateTime(ticket.openedAt)}</dd>
        <dt>Categoria</dt>
        <dd>{categoryLabel[ticket.category]}</dd>
        <dt>Módulo</dt>
        <dd>{moduleLabel[ticket.module]}</dd>
        <dt>Atendimento</dt>
        <dd data-testid="ticket-queue">{queueLabel[ticket.queue]}</dd>
        {ticket.previousTicketId && (
          <>
            <dt>Continuação de</dt>
            <dd>
              <a href={`/p/support/chamados/${ticket.previousTicketId}`}>#{ticket.previousTicketId}</a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** One ticket: the conversation, the reply box and, on the side, SLA, triage, status, access and details. */
export function TicketPage(p: TicketPageProps) {
  const t = p.ticket;
  const support = isSupportSide(p.role);
  const closed = t.status === 'fechado';
  return (
    <>
      <p class="small">
        <a href={p.backHref}>← Voltar à lista</a>
      </p>
      <div class="page-header sup-ticket-header">
        <div>
          <h1>
            <span class="muted mono">#{t.id}</span> {t.subject}
          </h1>
          <p class="muted small">
            {t.clinicName} · id {t.clinicId} · {t.resellerName} · aberto por {t.openedByName} em {formatDateTime(t.openedAt)}
          </p>
          <p class="sup-tags">
            <StatusTag status={t.status} /> <PriorityTag priority={t.priority} />{' '}
            <span class="badge badge-muted">{categoryLabel[t.category]}</span> <span class="badge badge-muted">{moduleLabel[t.module]}</span>{' '}
            <SlaBadge sla={p.sla} />
          </p>
        </div>
      </div>
      {p.role === 'requester' && t.status === 'aguardando_cliente' && (
        <p class="flash flash-info" data-testid="awaiting-you">
          O suporte aguarda a sua resposta. Responda abaixo para o chamado voltar ao atendimento.
        </p>
      )}
      {t.category === 'tiss' && !support && (
        <p class="flash flash-info small">
          Chamados de TISS integrada: situações como glosas na solicitação de autorização são resolvidas com a operadora. O suporte
          orienta você no que for do sistema.
        </p>
      )}
      <div class="sup-ticket">
        <div class="sup-ticket-main">
          <Thread messages={p.messages} attachments={p.attachments} />
          {closed ? (
            <section class="card sup-closed" data-testid="closed-notice">
              <p>
                <strong>Chamado fechado.</strong> Um chamado fechado não é reaberto: cada conversa é um chamado.
                {p.continuedIn && (
                  <>
                    {' '}
                    Continuado no <a href={`/p/support/chamados/${p.continuedIn}`}>chamado #{p.continuedIn}</a>.
                  </>
                )}
              </p>
              {p.role === 'requester' && (
                <a href={`/p/support/chamados/novo?de=${t.id}`} role="button" class="secondary" data-testid="follow-up">
                  Abrir novo chamado a partir deste
                </a>
              )}
            </section>
          ) : p.role === 'observer' ? (
            <p class="muted small">Você acompanha este chamado somente para leitura.</p>
          ) : (
            <>
              {p.role === 'requester' && t.status === 'resolvido' && (
                <section class="card sup-confirm" data-testid="confirm-solution">
                  <p>
                    O suporte marcou este chamado como <strong>resolvido</strong>. Está tudo certo?
                  </p>
                  <form method="post" action={`/p/support/chamados/${t.id}/situacao`} class="sup-inline">
                    <input type="hidden" name="situacao" value="fechado" />
                    <button type="submit">Sim, fechar o chamado</button>
                  </form>
                  <span class="muted small"> Se não, responda abaixo: o chamado volta para atendimento.</span>
                </section>
              )}
              <ReplyForm
                ticketId={t.id}
                status={t.status}
                side={support ? 'support' : 'clinic'}
                suggested={support ? p.tissSuggestion : undefined}
                value={p.replyValue}
                errors={p.replyErrors}
              />
            </>
          )}
        </div>
        <aside class="sup-ticket-side" aria-label="Detalhes do chamado">
          <SlaCard sla={p.sla} />
          {support && !closed && (
            <section class="card sup-side-card" aria-label="Triagem e situação">
              <TriageForm ticketId={t.id} priority={t.priority} />
              <StatusForm ticketId={t.id} status={t.status} side="support" />
              {p.role === 'team' && (
                <form method="post" action={`/p/support/chamados/${t.id}/encaminhar`} class="sup-escalate">
                  <button type="submit" class="secondary outline">
                    Encaminhar ao suporte do fornecedor
                  </button>
                </form>
              )}
            </section>
          )}
          {p.role === 'agent' && p.grant && <GrantPanel ticketId={t.id} clinicId={t.clinicId} state={p.grant} />}
          <Details ticket={t} />
          <EventHistory events={p.events} />
        </aside>
      </div>
    </>
  );
}
