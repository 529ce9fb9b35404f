import type { RequestRow } from '../store/request-store.ts';
import { STRATEGIES, TEST_KINDS } from '../domain/vocabulary.ts';
import { requestPath } from '../ui/request-table.tsx';

export const MANUAL_ACTION_ROWS = 3;

/** The migration plan and the test plan of seed 004, agreed between the clinic and the team. */
export function PlanCard(props: { r: RequestRow; canWrite: boolean }) {
  const plan = props.r.plan;
  const test = props.r.testPlan;
  const actions = plan?.manualActions ?? [];
  return (
    <section class="card" aria-labelledby="plano" data-testid="plan">
      <h2 id="plano" class="card-title">
        Plano de migração e plano de testes
      </h2>
      {plan || test ? (
        <dl class="facts">
          {plan && (
            <>
              <dt>Estratégia</dt>
              <dd>{STRATEGIES[plan.strategy]}</dd>
              <dt>Limpeza antes da migração</dt>
              <dd class="preline">{plan.cleanup || '—'}</dd>
              <dt>Ações manuais depois</dt>
              <dd>
                {plan.manualActions.length === 0 ? (
                  '—'
                ) : (
                  <ul class="compact-list">
                    {plan.manualActions.map((a) => (
                      <li>
                        {a.what} — {a.who}, {a.when}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Todo o histórico?</dt>
              <dd>
                {plan.wholeHistory ? 'Sim, todo o histórico' : 'Não'}
                {plan.historyNote ? ` — ${plan.historyNote}` : ''}
              </dd>
            </>
          )}
          {test && (
            <>
              <dt>Versões de validação previstas</dt>
              <dd>{test.validationVersions}</dd>
              <dt>Tipos de teste</dt>
              <dd>{test.kinds.map((k) => TEST_KINDS[k]).join(', ') || '—'}</dd>
              <dt>Registros escolhidos para o teste espelho</dt>
              <dd class="preline">{test.mirrorRecords || '—'}</dd>
            </>
          )}
        </dl>
      ) : (
        <p class="muted">Ainda não preenchido.</p>
      )}
      {props.canWrite && (
        <details>
          <summary>{plan || test ? 'Editar o plano' : 'Preencher o plano'}</summary>
          <form method="post" action={`${requestPath(props.r.id)}/plano`} data-testid="plan-form">
            <fieldset>
              <legend>Estratégia de migração</legend>
              {Object.entries(STRATEGIES).map(([key, label]) => (
                <label class="mig-inline">
                  <input type="radio" name="estrategia" value={key} checked={plan?.strategy === key} required /> {label}
                </label>
              ))}
            </fieldset>
            <label for="f-limpeza">
              Ações de limpeza (antes ou depois da migração)
              <textarea id="f-limpeza" name="limpeza" rows={2} maxlength={2000}>
                {plan?.cleanup ?? ''}
              </textarea>
            </label>
            <fieldset>
              <legend>Ações manuais depois da migração (o quê, quem, quando)</legend>
              {Array.from({ length: MANUAL_ACTION_ROWS }, (_, i) => (
                <div class="grid">
                  <label>
                    O quê
                    <input name="acaoQue" value={actions[i]?.what ?? ''} maxlength={200} />
                  </label>
                  <label>
                    Quem
                    <input name="acaoQuem" value={actions[i]?.who ?? ''} maxlength={120} />
                  </label>
                  <label>
                    Quando
                    <input name="acaoQuando" value={actions[i]?.when ?? ''} maxlength={120} />
                  </label>
                </div>
              ))}
            </fieldset>
            <fieldset>
              <legend>Todo o histórico será migrado?</legend>
              <label class="mig-inline">
                <input type="radio" name="historico" value="sim" checked={plan?.wholeHistory === true} required /> Sim
              </label>
              <label class="mig-inline">
                <input type="radio" name="historico" value="nao" checked={plan?.wholeHistory === false} /> Não
              </label>
              <label for="f-historicoNota">
                Observação sobre o histórico
                <input id="f-historicoNota" name="historicoNota" value={plan?.historyNote ?? ''} maxlength={500} />
              </label>
            </fieldset>
            <label for="f-versoes">
              Número de versões de validação previstas
              <input id="f-versoes" name="versoes" type="number" min={1} max={10} value={String(test?.validationVersions ?? 1)} required />
            </label>
            <fieldset>
              <legend>Tipos de teste</legend>
              {Object.entries(TEST_KINDS).map(([key, label]) => (
                <label class="mig-inline">
                  <input type="checkbox" name="testes" value={key} checked={test?.kinds.includes(key as never) ?? false} /> {label}
                </label>
              ))}
            </fieldset>
            <label for="f-espelho">
              Registros escolhidos para o teste espelho (um por linha)
              <textarea id="f-espelho" name="espelho" rows={3} maxlength={4000}>
                {test?.mirrorRecords ?? ''}
              </textarea>
            </label>
            <button type="submit">Salvar plano</button>
          </form>
        </details>
      )}
    </section>
  );
}
