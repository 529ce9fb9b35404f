import { formatDateTime } from '@painel/core/plugin';
import { CONTINUITY, GO_LIVE_ROWS, goLiveMissing, STEP_KINDS, suggestedSteps } from '../domain/go-live.ts';
import type { RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';

/**
 * The go-live checklist of seed 004 ("go-live draaiboek"): the steps of the production migration with
 * owner and state, how the clinic works meanwhile (digital or a paper contingency) and the rollback plan.
 * Closing the migration needs it done.
 */
export function GoLiveCard(props: { r: RequestRow; canWrite: boolean }) {
  const { r } = props;
  const g = r.goLive;
  const missing = goLiveMissing(g);
  const rows = g?.steps ?? suggestedSteps(r.plan);
  const action = `${requestPath(r.id)}/go-live`;
  return (
    <section class="card" aria-labelledby="go-live" data-testid="go-live">
      <h2 id="go-live" class="card-title">
        Roteiro de go-live
      </h2>
      <p class="small">
        {missing.length === 0 ? (
          <span class="badge badge-ok">Concluído</span>
        ) : (
          <span class="badge badge-warn">Pendente: necessário para encerrar a migração</span>
        )}
      </p>
      {missing.length > 0 && g && (
        <ul class="compact-list small" data-testid="go-live-missing">
          {missing.map((m) => (
            <li>{m}</li>
          ))}
        </ul>
      )}
      {g ? (
        <>
          <dl class="facts">
            <dt>Durante a migração</dt>
            <dd data-testid="go-live-continuity">
              {CONTINUITY[g.continuity]}
              {g.continuityNote ? ` — ${g.continuityNote}` : ''}
            </dd>
            <dt>Plano de rollback</dt>
            <dd class="preline" data-testid="go-live-rollback">
              {g.rollback}
            </dd>
          </dl>
          <div class="table-wrap">
            <table data-testid="go-live-steps">
              <caption class="visually-hidden">Passos do roteiro de go-live</caption>
              <thead>
                <tr>
                  <th scope="col">Passo</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Responsável</th>
                  <th scope="col">Quando</th>
                  <th scope="col">Situação</th>
                  {props.canWrite && <th scope="col">Ação</th>}
                </tr>
              </thead>
              <tbody>
                {g.steps.map((s, i) => (
                  <tr>
                    <td>{s.what}</td>
                    <td>{STEP_KINDS[s.kind]}</td>
                    <td>{s.owner}</td>
                    <td>{s.when}</td>
                    <td>
                      {s.done ? (
                        <span class="badge badge-ok">
                          Feito{s.doneBy ? ` por ${s.doneBy}` : ''}
                          {s.doneAt ? ` em ${formatDateTime(new Date(s.doneAt))}` : ''}
                        </span>
                      ) : (
                        <span class="badge badge-warn">Pendente</span>
                      )}
                    </td>
                    {props.canWrite && (
                      <td>
                        <form method="post" action={`${action}/passos/${i}`}>
                          <input type="hidden" name="feito" value={s.done ? 'nao' : 'sim'} />
                          <button type="submit" class={s.done ? "secondary outline" : undefined} aria-label={`${s.done ? 'Reabrir' : 'Marcar como feito'}: ${s.what}`}>
                            {s.done ? 'Reabrir' : 'Marcar como feito'}
                          </button>
                        </form>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="muted">Ainda não preenchido. Os passos sugeridos vêm do plano de migração.</p>
      )}
      {props.canWrite && (
        <details open={!g}>
          <summary>{g ? 'Editar o roteiro' : 'Preencher o roteiro'}</summary>
          <form method="post" action={action} data-testid="go-live-form">
            <fieldset>
              <legend>Como a clínica trabalha durante a migração?</legend>
              {Object.entries(CONTINUITY).map(([key, label]) => (
                <label class="mig-inline">
                  <input type="radio" name="continuidade" value={key} checked={g?.continuity === key} required /> {label}
                </label>
              ))}
              <label for="f-continuidadeNota">
                Observação (procedimento de contingência, formulários, quem registra depois)
                <input id="f-continuidadeNota" name="continuidadeNota" value={g?.continuityNote ?? ''} maxlength={1000} />
              </label>
            </fieldset>
            <label for="f-rollback">
              Plano de rollback (o que dispara a volta ao sistema legado e como se volta)
              <textarea id="f-rollback" name="rollback" rows={3} maxlength={4000} required>
                {g?.rollback ?? ''}
              </textarea>
            </label>
            <fieldset>
              <legend>Passos (o quê, tipo, responsável, quando)</legend>
              {Array.from({ length: GO_LIVE_ROWS }, (_, i) => {
                const s = rows[i];
                return (
                  <div class="grid">
                    <label>
                      O quê ({i + 1})
                      <input name="passoQue" value={s?.what ?? ''} maxlength={300} />
                    </label>
                    <label>
                      Tipo ({i + 1})
                      <select name="passoTipo">
                        {Object.entries(STEP_KINDS).map(([key, label]) => (
                          <option value={key} selected={(s?.kind ?? 'outro') === key}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      Responsável ({i + 1})
                      <input name="passoQuem" value={s?.owner ?? ''} maxlength={120} />
                    </label>
                    <label>
                      Quando ({i + 1})
                      <input name="passoQuando" value={s?.when ?? ''} maxlength={120} />
                    </label>
                  </div>
                );
              })}
            </fieldset>
            <button type="submit">Salvar roteiro</button>
          </form>
        </details>
      )}
    </section>
  );
}
