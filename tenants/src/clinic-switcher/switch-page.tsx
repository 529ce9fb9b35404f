import { type ActiveClinic, EmptyState, PageHeader, Pagination } from '@painel/core/module';
import type { ReachableBase } from './reachable-bases.ts';

export interface SwitchPageProps {
  current: ActiveClinic | null;
  rows: ReachableBase[];
  hasNext: boolean;
  q: string;
  page: number;
  back: string;
  showReseller: boolean;
  showLocation: boolean;
  canLeave: boolean;
}

const query = (q: string, page: number, back: string) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (page > 1) p.set('pagina', String(page));
  if (back !== '/') p.set('voltar', back);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export function SwitchResults(props: SwitchPageProps) {
  const { rows, current } = props;
  return (
    <div id="switch-results">
      {rows.length === 0 ? (
        <EmptyState>
          {props.q ? `Nenhuma base encontrada para “${props.q}”.` : 'Nenhuma base disponível.'} Se faltar alguma base, fale com o consultor responsável
          pela implantação na sua singular.
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Base</th>
                <th scope="col">Id da base</th>
                {props.showLocation && <th scope="col">Cidade</th>}
                {props.showReseller && <th scope="col">Singular</th>}
                <th scope="col">
                  <span class="visually-hidden">Ação</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const isCurrent = current?.clinicId === b.id && current.resellerId === b.resellerId;
                return (
                  <tr data-testid="switch-row" class={isCurrent ? 'ua-current-row' : undefined}>
                    <td>
                      <strong>{b.name}</strong>
                    </td>
                    <td class="mono">{b.id}</td>
                    {props.showLocation && <td>{b.city ? `${b.city}${b.uf ? ` / ${b.uf}` : ''}` : <span class="muted">—</span>}</td>}
                    {props.showReseller && <td>{b.resellerName}</td>}
                    <td>
                      <div class="actions-cell">
                      {isCurrent ? (
                        <span class="badge badge-ok">Base atual</span>
                      ) : (
                        <form method="post" action="/alterar-clinica">
                          <input type="hidden" name="base" value={String(b.id)} />
                          <input type="hidden" name="voltar" value={props.back} />
                          <button type="submit" aria-label={`Efetuar troca para ${b.name} (id ${b.id})`}>
                            Efetuar troca
                          </button>
                        </form>
                      )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} hasNext={props.hasNext} makeHref={(p) => `/alterar-clinica${query(props.q, p, props.back)}`} />
    </div>
  );
}

export function SwitchPage(props: SwitchPageProps) {
  const { current } = props;
  return (
    <>
      <PageHeader
        title="Alterar Clínica"
        subtitle={
          current ? (
            <>
              Você está na base <strong>{current.name}</strong> (id {current.clinicId}). Pesquise e clique em “Efetuar troca” para trabalhar em outra.
            </>
          ) : (
            'Você não está em nenhuma base. Pesquise e clique em “Efetuar troca” para entrar em uma.'
          )
        }
        actions={
          props.canLeave && current ? (
            <form method="post" action="/alterar-clinica/sair">
              <button type="submit" class="secondary outline">
                Sair da base
              </button>
            </form>
          ) : undefined
        }
      />
      <form
        method="get"
        action="/alterar-clinica"
        class="search-form card"
        aria-label="Pesquisar base"
        hx-get="/alterar-clinica"
        hx-target="#switch-results"
        hx-swap="outerHTML"
        hx-trigger="input delay:300ms, submit"
        hx-push-url="true"
      >
        <input type="hidden" name="voltar" value={props.back} />
        <label class="grow">
          Pesquisar base
          <input type="search" name="q" value={props.q} placeholder="Nome da base ou id (ex.: 1002)" maxlength={100} autofocus />
        </label>
        <button type="submit">Pesquisar</button>
      </form>
      <SwitchResults {...props} />
    </>
  );
}
