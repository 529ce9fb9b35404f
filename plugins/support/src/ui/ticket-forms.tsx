import { allowedMoves, type Side } from '../domain/transitions.ts';
import {
  firstResponseHours,
  type Priority,
  PRIORITIES,
  priorityDefinition,
  priorityLabel,
  statusLabel,
  type TicketStatus,
} from '../domain/vocabulary.ts';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../attachments/sniff.ts';

const base = (id: number) => `/p/support/chamados/${id}`;

/** Triage: the seed's definition next to each priority. */
export function TriageForm(props: { ticketId: number; priority: Priority | null }) {
  return (
    <form method="post" action={`${base(props.ticketId)}/prioridade`} class="sup-triage" data-testid="triage-form">
      <fieldset>
        <legend>Prioridade (SLA de primeira resposta)</legend>
        {PRIORITIES.map((p) => (
          <label class="sup-choice">
            <input type="radio" name="prioridade" value={p} checked={props.priority === p} required />
            <span>
              <strong>
                {priorityLabel[p]} · {firstResponseHours[p]} horas úteis
              </strong>
              <small>{priorityDefinition[p]}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {!props.priority && <p class="small muted">Sem triagem, o prazo corre como prioridade média (20 horas úteis).</p>}
      <button type="submit" class="secondary">
        Salvar prioridade
      </button>
    </form>
  );
}

const moveLabel: Partial<Record<TicketStatus, string>> = {
  em_atendimento: 'Em atendimento',
  aguardando_cliente: 'Aguardando cliente (pausa o SLA)',
  resolvido: 'Resolvido',
  fechado: 'Fechado (definitivo)',
};

/** Status change without a message (support side). */
export function StatusForm(props: { ticketId: number; status: TicketStatus; side: Side }) {
  const moves = allowedMoves(props.status, props.side);
  if (moves.length === 0) return null;
  return (
    <form method="post" action={`${base(props.ticketId)}/situacao`} class="sup-status-form">
      <label>
        Mudar situação
        <select name="situacao" required>
          {moves.map((s) => (
            <option value={s}>{moveLabel[s] ?? statusLabel[s]}</option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary outline">
        Aplicar
      </button>
    </form>
  );
}

/** The reply box; the support side picks the status the ticket goes to. */
export function ReplyForm(props: {
  ticketId: number;
  status: TicketStatus;
  side: 'support' | 'clinic';
  suggested?: string | undefined;
  value?: string | undefined;
  errors?: string[] | undefined;
}) {
  const supportMoves = props.side === 'support' ? allowedMoves(props.status, 'support').filter((s) => s !== 'fechado') : [];
  const defaultAfter: TicketStatus = props.status === 'aberto' ? 'em_atendimento' : props.status;
  const options: TicketStatus[] = [...new Set<TicketStatus>([defaultAfter, ...supportMoves])].filter((s) => s !== 'aberto');
  return (
    <form method="post" action={`${base(props.ticketId)}/mensagens`} enctype="multipart/form-data" class="sup-reply card" data-testid="reply-form">
      <h2 class="sup-h2">{props.side === 'support' ? 'Responder' : 'Enviar mensagem'}</h2>
      {props.suggested !== undefined && (
        <p class="flash flash-info small" data-testid="tiss-suggestion">
          Chamado TISS: a resposta padrão da singular já está no campo abaixo. Revise e complete antes de enviar.
        </p>
      )}
      {props.errors && props.errors.length > 0 && (
        <div class="flash flash-error" role="alert">
          <ul>
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <label for="f-mensagem">
        Mensagem
        <textarea id="f-mensagem" name="mensagem" rows={props.suggested !== undefined ? 8 : 5} maxlength={10000} required>
          {props.value ?? props.suggested ?? ''}
        </textarea>
      </label>
      <label for="f-anexos">
        Anexos <small class="muted">(opcional: PNG, JPG ou PDF, até 5 MB cada, no máximo {MAX_ATTACHMENTS_PER_MESSAGE})</small>
        <input id="f-anexos" type="file" name="anexos" multiple accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf" />
      </label>
      <div class="sup-reply-actions">
        {props.side === 'support' && (
          <label>
            Situação após responder
            <select name="situacao">
              {options.map((s) => (
                <option value={s} selected={s === defaultAfter}>
                  {moveLabel[s] ?? statusLabel[s]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">Enviar</button>
      </div>
    </form>
  );
}
