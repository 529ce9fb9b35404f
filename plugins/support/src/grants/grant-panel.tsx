import { formatDateTime } from '@painel/core/plugin';

export type GrantState =
  | { kind: 'unavailable' }
  | { kind: 'active'; endsAt: Date; enterPath: string }
  | { kind: 'none'; requestedAt: Date | null };

/** On a ticket, for the vendor agent: is the base open to support right now? Enter it, or ask for it. */
export function GrantPanel(props: { ticketId: number; clinicId: number; state: GrantState }) {
  const s = props.state;
  return (
    <section class="card sup-side-card" aria-labelledby="grant-title" data-testid="grant-panel">
      <h2 id="grant-title" class="sup-h2">
        Acesso suporte à base
      </h2>
      {s.kind === 'unavailable' && (
        <p class="muted" data-testid="grant-unavailable">
          Acesso suporte indisponível: o módulo de acesso suporte não está ativo nesta instalação.
        </p>
      )}
      {s.kind === 'active' && (
        <>
          <p>
            <span class="badge badge-ok">Acesso liberado</span> até {formatDateTime(s.endsAt)}.
          </p>
          <p class="small muted">O prontuário eletrônico continua fechado para o suporte.</p>
          <a href={s.enterPath} role="button" data-testid="enter-base">
            Entrar na base {props.clinicId}
          </a>
        </>
      )}
      {s.kind === 'none' && (
        <>
          <p>
            <span class="badge badge-muted">Sem acesso</span> A clínica não liberou o acesso suporte.
          </p>
          {s.requestedAt && <p class="small muted">Acesso solicitado em {formatDateTime(s.requestedAt)}; aguardando a clínica.</p>}
          <form method="post" action={`/p/support/chamados/${props.ticketId}/acesso`}>
            <button type="submit" class="secondary" data-testid="request-access">
              Solicitar acesso
            </button>
          </form>
          <p class="small muted">A gestora da base recebe o pedido com o número deste chamado e aprova com um clique.</p>
        </>
      )}
    </section>
  );
}
