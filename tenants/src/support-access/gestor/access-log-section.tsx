import { DateInput, EmptyState, ErrorSummary, formatDateTime, Pagination } from '@painel/core/module';
import { filterQuery, type ParsedLogFilter } from '../access-log/log-filter.ts';
import type { AccessLogRow } from '../access-log/log-queries.ts';
import { refusalReasonLabel } from '../access-log/reason-label.ts';
import { m } from '../messages.ts';

/** Every request support made inside the base: filter by period, agent and outcome; export as CSV. */
export function AccessLogSection(props: {
  rows: AccessLogRow[];
  parsed: ParsedLogFilter;
  agents: { userId: number; name: string }[];
  page: number;
  hasNext: boolean;
}) {
  const { values } = props.parsed;
  return (
    <section aria-labelledby="log-title" class="sa-block" id="acessos">
      <div class="sa-section-head">
        <div>
          <h2 id="log-title" class="sa-section-title">
            {m('log.title')}
          </h2>
          <p class="muted small sa-flat">{m('log.intro')}</p>
        </div>
        <a href={`/acesso-suporte/acessos.csv${filterQuery(values)}`} role="button" class="secondary outline" data-testid="export-csv">
          {m('log.export')}
        </a>
      </div>
      <form method="get" action="/acesso-suporte#acessos" class="sa-filter" role="search" aria-label="Filtrar acessos do suporte">
        <label for="log-de">
          {m('log.from')}
          <DateInput id="log-de" name="de" value={values.de} />
        </label>
        <label for="log-ate">
          {m('log.to')}
          <DateInput id="log-ate" name="ate" value={values.ate} />
        </label>
        <label for="log-atendente">
          {m('log.agent')}
          <select id="log-atendente" name="atendente">
            <option value="">{m('log.all')}</option>
            {props.agents.map((a) => (
              <option value={String(a.userId)} selected={values.atendente === String(a.userId)}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label for="log-resultado">
          {m('log.outcome')}
          <select id="log-resultado" name="resultado">
            <option value="">{m('log.all')}</option>
            <option value="allowed" selected={values.resultado === 'allowed'}>
              {m('log.allowed')}
            </option>
            <option value="denied" selected={values.resultado === 'denied'}>
              {m('log.denied')}
            </option>
          </select>
        </label>
        <div class="sa-filter-actions">
          <button type="submit">{m('log.filter')}</button>
          <a href="/acesso-suporte#acessos" class="secondary">
            {m('log.clear')}
          </a>
        </div>
      </form>
      <ErrorSummary errors={props.parsed.errors} />
      {props.rows.length === 0 ? (
        <EmptyState>{m('log.empty')}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table data-testid="access-log">
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                <th scope="col">Atendente</th>
                <th scope="col">Tela</th>
                <th scope="col">Ação</th>
                <th scope="col">Resultado</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr data-outcome={r.outcome}>
                  <td class="sa-nowrap">{formatDateTime(r.at)}</td>
                  <td>
                    {r.agentName}
                    <br />
                    <span class="muted small">{r.agentEmail}</span>
                  </td>
                  <td>
                    {r.screen}
                    <br />
                    <span class="muted small mono">{r.path}</span>
                  </td>
                  <td class="small">{r.method === 'GET' ? 'Abrir' : 'Enviar'}</td>
                  <td>
                    {r.outcome === 'allowed' ? (
                      <span class="badge badge-ok">{m('log.allowed')}</span>
                    ) : (
                      <>
                        <span class="badge badge-danger">{m('log.denied')}</span>
                        {r.reason && <span class="muted small"> · {refusalReasonLabel(r.reason)}</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={props.page}
        hasNext={props.hasNext}
        makeHref={(p) => `/acesso-suporte${filterQuery(values, { pagina: String(p) })}#acessos`}
      />
    </section>
  );
}
