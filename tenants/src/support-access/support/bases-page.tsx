import { EmptyState, formatDateTime, formatDuration, PageHeader } from '@painel/core/module';
import { m } from '../messages.ts';
import type { GrantedBase } from './granted-bases.ts';

/** "Bases com acesso liberado": the support agent's way into a base. */
export function BasesPage(props: { bases: GrantedBase[]; now: Date; insideClinicId: number | null }) {
  return (
    <>
      <PageHeader
        title={m('bases.title')}
        subtitle={m('bases.intro')}
        actions={
          <a href="/suporte/solicitar" role="button" class="secondary outline">
            {m('nav.request')}
          </a>
        }
      />
      {props.bases.length === 0 ? (
        <EmptyState>
          {m('bases.empty')} <a href="/suporte/solicitar">{m('nav.request')}</a>.
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table data-testid="granted-bases">
            <thead>
              <tr>
                <th scope="col">Base</th>
                <th scope="col">Singular</th>
                <th scope="col">Liberado por</th>
                <th scope="col">Motivo / chamado</th>
                <th scope="col">Tempo restante</th>
                <th scope="col">
                  <span class="sa-visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.bases.map((b) => (
                <tr data-testid={`granted-base-${b.clinicId}`}>
                  <td>
                    <strong>{b.clinicName}</strong>
                    <br />
                    <span class="muted small">id {b.clinicId}</span>
                  </td>
                  <td>{b.resellerName}</td>
                  <td>{b.grantedByName}</td>
                  <td>{b.reason ?? <span class="muted">—</span>}</td>
                  <td>
                    <time datetime={b.endsAt.toISOString()} data-countdown-to={b.endsAt.toISOString()} data-countdown-ms={String(b.endsAt.getTime() - props.now.getTime())}>
                      {formatDuration(b.endsAt.getTime() - props.now.getTime())}
                    </time>
                    <br />
                    <span class="muted small">até {formatDateTime(b.endsAt)}</span>
                  </td>
                  <td>
                    <div class="actions-cell">
                      {props.insideClinicId === b.clinicId ? (
                        <>
                          <span class="badge badge-info">{m('bases.inside')}</span>
                          <form method="post" action="/suporte/bases/sair">
                            <button type="submit" class="secondary outline">
                              {m('bases.leave')}
                            </button>
                          </form>
                        </>
                      ) : (
                        <form method="post" action="/suporte/bases/entrar">
                          <input type="hidden" name="base" value={String(b.clinicId)} />
                          <button type="submit">{m('bases.enter')}</button>
                        </form>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
