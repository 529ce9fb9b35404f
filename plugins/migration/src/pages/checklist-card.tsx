import { DateInput, formatCalendarDate, formatDateTime, parseCalendarDate } from '@painel/core/plugin';
import { checklistComplete, type RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';

const yesNo = (v: boolean | null) => (v === null ? 'não informado' : v ? 'sim' : 'não');

function YesNo(props: { name: string; legend: string; value: boolean | null }) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <label class="mig-inline">
        <input type="radio" name={props.name} value="sim" checked={props.value === true} required /> Sim
      </label>
      <label class="mig-inline">
        <input type="radio" name={props.name} value="nao" checked={props.value === false} /> Não
      </label>
    </fieldset>
  );
}

/**
 * The IT checklist of seed 000 ("Validação do backup pela equipe de TI da operadora"): it gates
 * "backup recebido". The password is never shown back, only its length and last character.
 */
export function ChecklistCard(props: { r: RequestRow; canWrite: boolean }) {
  const r = props.r;
  const linkDay = r.linkDeadline ? parseCalendarDate(r.linkDeadline) : null;
  // A closed request erased its password; the checklist was complete when its backup was received (the gate).
  const complete = checklistComplete(r) || (r.closedAt !== null && r.backupReceivedAt !== null);
  return (
    <section class="card" aria-labelledby="checagem" data-testid="checklist">
      <h2 id="checagem" class="card-title">
        Checagem de TI do backup
      </h2>
      <p class="small">
        {complete ? (
          <span class="badge badge-ok">Completa</span>
        ) : (
          <span class="badge badge-warn">Pendente: necessária para registrar o backup como recebido</span>
        )}
        {r.checklistAt && (
          <span class="muted">
            {' '}
            · por {r.checklistByName} em {formatDateTime(r.checklistAt)}
          </span>
        )}
      </p>
      <dl class="facts">
        <dt>Todas as tabelas foram enviadas?</dt>
        <dd>{yesNo(r.allTablesSent)}</dd>
        <dt>O backup precisa de senha?</dt>
        <dd>
          {yesNo(r.needsPassword)}
          {r.needsPassword &&
            (r.passwordHint ? (
              <span data-testid="password-hint"> · senha informada: {r.passwordHint}</span>
            ) : r.closedAt ? (
              <span data-testid="password-erased"> · senha apagada no encerramento</span>
            ) : (
              ' · senha ainda não informada'
            ))}
        </dd>
        <dt>O link de hospedagem tem prazo?</dt>
        <dd>
          {yesNo(r.linkHasDeadline)}
          {r.linkHasDeadline && linkDay ? ` · até ${formatCalendarDate(linkDay)}` : ''}
        </dd>
      </dl>
      {props.canWrite && (
        <details>
          <summary>Preencher a checagem</summary>
          <form method="post" action={`${requestPath(r.id)}/checagem`} data-testid="checklist-form">
            <YesNo name="todasTabelas" legend="Foram enviadas todas as tabelas do backup?" value={r.allTablesSent} />
            <YesNo name="precisaSenha" legend="O backup precisa de senha para ser extraído?" value={r.needsPassword} />
            <label for="f-senha">
              Senha do backup {r.passwordHint ? '(deixe em branco para manter a informada)' : ''}
              <input id="f-senha" name="senha" type="password" autocomplete="new-password" maxlength={200} />
              <small>Guardada cifrada; ninguém a vê de volta por aqui. Apagada quando a migração termina.</small>
            </label>
            <YesNo name="prazoLink" legend="Há prazo para acessar o link de hospedagem do backup?" value={r.linkHasDeadline} />
            <label for="f-dataLink">
              Prazo do link
              <DateInput id="f-dataLink" name="dataLink" value={r.linkDeadline ?? ''} />
            </label>
            <button type="submit">Salvar checagem</button>
          </form>
        </details>
      )}
    </section>
  );
}
