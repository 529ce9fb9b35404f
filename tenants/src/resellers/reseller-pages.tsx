/** Screens of "Singulares" (platform admins). */
import { EmptyState, ErrorSummary, Field, formatDate, formatNumber, PageHeader, StatusBadge } from '@painel/core/module';
import { Card, countLabel, PageNav, RowActions, StatusToggleButton, urlWith } from '../clinics/admin-ui.tsx';
import type { ResellerFormErrors, ResellerFormInput } from './reseller-form.ts';
import type { Reseller, ResellerPage } from './reseller-store.ts';

const errorList = (errors: ResellerFormErrors) => Object.values(errors).filter((e): e is string => typeof e === 'string');

export function ResellerListPage(props: { result: ResellerPage; q: string }) {
  const { result, q } = props;
  return (
    <>
      <PageHeader
        title="Singulares"
        subtitle="As singulares Unimed que revendem o sistema e suas bases clínicas."
        actions={
          <a href="/singulares/nova" role="button">
            Nova singular
          </a>
        }
      />
      <form method="get" action="/singulares" class="search-form card" role="search">
        <label for="f-q" class="grow">
          Buscar
          <input id="f-q" type="search" name="q" value={q} maxlength={100} placeholder="Nome ou id reseller" autocomplete="off" />
        </label>
        <button type="submit">Buscar</button>
      </form>
      <p class="results-summary" data-testid="reseller-count">
        <strong>{countLabel(result.total, 'singular', 'singulares', 'Nenhuma singular encontrada')}</strong>
        {q.trim() !== '' && <span class="muted"> para “{q.trim()}”</span>}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{q.trim() ? 'Nenhuma singular corresponde à busca.' : 'Nenhuma singular cadastrada ainda.'}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="reseller-table">
            <thead>
              <tr>
                <th scope="col">Id reseller</th>
                <th scope="col">Nome</th>
                <th scope="col" class="num">
                  Bases
                </th>
                <th scope="col">Situação</th>
                <th scope="col">Criada em</th>
                <th scope="col">
                  <span class="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr data-testid="reseller-row" data-code={r.code}>
                  <td class="mono">{r.code}</td>
                  <td>
                    <a href={`/singulares/${r.code}`} class="row-title">
                      {r.name}
                    </a>
                  </td>
                  <td class="num">
                    <a href={urlWith('/bases', { singular: r.code })} aria-label={`Ver as ${formatNumber(r.clinicCount)} bases de ${r.name}`}>
                      {formatNumber(r.clinicCount)}
                    </a>
                  </td>
                  <td>
                    <StatusBadge active={r.status === 'active'} />
                  </td>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>
                    <RowActions href={`/singulares/${r.code}`} name={r.name} active={r.status === 'active'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNav page={result.page} pageCount={result.pageCount} href={(page) => urlWith('/singulares', { q: q.trim(), pagina: page > 1 ? page : null })} />
    </>
  );
}

export function NewResellerPage(props: { values: ResellerFormInput; errors: ResellerFormErrors }) {
  const { values, errors } = props;
  return (
    <>
      <PageHeader title="Nova singular" subtitle="Cadastre uma singular Unimed que passará a revender o sistema." />
      <ErrorSummary errors={errorList(errors).length > 1 ? errorList(errors) : []} />
      <Card class="form-card">
        <form method="post" action="/singulares" novalidate>
          <Field
            label="Id reseller"
            name="code"
            value={values.code}
            error={errors.code}
            required
            inputmode="numeric"
            maxlength={10}
            autocomplete="off"
            hint="Somente números, como a singular é identificada (ex.: 0101). Não pode ser alterado depois."
          />
          <Field label="Nome da singular" name="name" value={values.name} error={errors.name} required maxlength={120} autocomplete="off" />
          <div class="form-actions">
            <button type="submit">Criar singular</button>
            <a href="/singulares" role="button" class="secondary outline">
              Cancelar
            </a>
          </div>
        </form>
      </Card>
    </>
  );
}

export function EditResellerPage(props: {
  reseller: Reseller;
  counts: { total: number; active: number };
  values: ResellerFormInput;
  errors: ResellerFormErrors;
}) {
  const { reseller, counts, values, errors } = props;
  const active = reseller.status === 'active';
  return (
    <>
      <PageHeader
        title={reseller.name}
        subtitle={
          <>
            Id reseller <span class="mono">{reseller.code}</span> · <StatusBadge active={active} />
          </>
        }
        actions={
          <>
            <a href={`/singulares/${reseller.code}/administradores`} role="button">
              Convidar administrador da singular
            </a>
            <a href="/singulares" role="button" class="secondary outline">
              Voltar à lista
            </a>
          </>
        }
      />
      <div class="two-columns">
        <Card title="Dados da singular" class="form-card">
          <form method="post" action={`/singulares/${reseller.code}`} novalidate>
            <label>
              Id reseller
              <input type="text" value={reseller.code} readonly disabled aria-describedby="code-hint" />
              <small id="code-hint">O id reseller não pode ser alterado.</small>
            </label>
            <Field label="Nome da singular" name="name" value={values.name} error={errors.name} required maxlength={120} autocomplete="off" />
            <div class="form-actions">
              <button type="submit">Salvar alterações</button>
              <a href="/singulares" role="button" class="secondary outline">
                Cancelar
              </a>
            </div>
          </form>
        </Card>
        <Card title="Situação" class="side-card">
          <div class="stat-inline">
            <strong>{formatNumber(counts.total)}</strong> {counts.total === 1 ? 'base clínica' : 'bases clínicas'}
            <span class="muted small"> ({formatNumber(counts.active)} ativas)</span>
          </div>
          <p>
            <a href={urlWith('/bases', { singular: reseller.code })}>Ver as bases desta singular</a>
          </p>
          <dl class="facts">
            <dt>Criada em</dt>
            <dd>{formatDate(reseller.createdAt)}</dd>
          </dl>
          <StatusToggleButton href={`/singulares/${reseller.code}`} noun="singular" active={active} />
        </Card>
      </div>
    </>
  );
}

export function ResellerStatusPage(props: { reseller: Reseller; counts: { total: number }; action: 'desativar' | 'reativar' }) {
  const { reseller, action } = props;
  const deactivate = action === 'desativar';
  return (
    <>
      <PageHeader title={deactivate ? 'Desativar singular' : 'Reativar singular'} />
      <Card class="confirm-card">
        <h2 class="card-title">
          {deactivate ? 'Desativar' : 'Reativar'} “{reseller.name}” ({reseller.code})?
        </h2>
        {deactivate ? (
          <p>
            A singular fica marcada como <strong>inativa</strong> e não recebe novas bases. Nada é apagado: suas{' '}
            {formatNumber(props.counts.total)} bases, usuários e histórico continuam guardados, e ela pode ser reativada
            a qualquer momento.
          </p>
        ) : (
          <p>A singular volta a ficar ativa e pode receber novas bases.</p>
        )}
        <form method="post" action={`/singulares/${reseller.code}/${action}`} class="form-actions">
          <button type="submit" class={deactivate ? 'danger' : ''}>
            {deactivate ? 'Sim, desativar a singular' : 'Sim, reativar a singular'}
          </button>
          <a href={`/singulares/${reseller.code}`} role="button" class="secondary outline">
            Cancelar
          </a>
        </form>
      </Card>
    </>
  );
}
