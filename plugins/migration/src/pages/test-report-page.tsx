import { formatDateTime, formatNumber, PageHeader } from '@painel/core/plugin';
import { ENTITIES } from '../prevalidation/entities.ts';
import { HomologationBanner } from '../homologation/homologation-layout.tsx';
import type { CountRow } from '../report/counts.ts';
import { SAMPLE_REASONS } from '../report/samples.ts';
import type { ReviewedSample, TestReport } from '../report/test-report.ts';
import type { RequestRow } from '../store/request-store.ts';
import { VERSION_STATES } from '../versions/version-states.ts';
import { requestPath } from '../ui/request-table.tsx';

export const reportPath = (requestId: number, version: number, ehr = false) => `${requestPath(requestId)}/versoes/${version}/relatorio${ehr ? '/prontuario' : ''}`;

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0');

function CountsTable(props: { rows: CountRow[]; previous: number | null }) {
  return (
    <div class="table-wrap">
      <table data-testid="report-counts">
        <caption class="visually-hidden">Contagens por entidade</caption>
        <thead>
          <tr>
            <th scope="col">Entidade</th>
            <th scope="col">Linhas na origem</th>
            <th scope="col">Linhas válidas</th>
            <th scope="col">Carregadas</th>
            <th scope="col">Na homologação</th>
            <th scope="col">Recusadas</th>
            {props.previous !== null && <th scope="col">Diferença para a versão {props.previous}</th>}
            <th scope="col">Situação</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((c) => (
            <tr data-entity={c.entity} class={c.problems.length > 0 ? 'mig-diff' : undefined}>
              <th scope="row">{ENTITIES[c.entity].label}</th>
              <td>{c.source === null ? '—' : formatNumber(c.source)}</td>
              <td>{formatNumber(c.valid)}</td>
              <td>{formatNumber(c.staged)}</td>
              <td>{formatNumber(c.inStaging)}</td>
              <td>{formatNumber(c.rejected)}</td>
              {props.previous !== null && (
                <td data-testid="count-diff">{c.diff ? `válidas ${signed(c.diff.valid)} · na homologação ${signed(c.diff.inStaging)} · recusadas ${signed(c.diff.rejected)}` : 'nova entidade'}</td>
              )}
              <td>
                {c.problems.length === 0 ? (
                  <span class="badge badge-ok">Conferem</span>
                ) : (
                  <>
                    <span class="badge badge-danger">Não conferem</span>
                    <ul class="compact-list small">
                      {c.problems.map((p) => (
                        <li>{p}</li>
                      ))}
                    </ul>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SampleCard(props: { s: ReviewedSample; action: string | null; index: number }) {
  const { s } = props;
  const id = `amostra-${s.entity}-${s.sourceLine}`;
  const differing = s.fields.filter((f) => f.differs).length;
  return (
    <article class="card" id={id} data-testid="mirror-sample" data-entity={s.entity} data-line={String(s.sourceLine)}>
      <h3 class="card-title">
        {ENTITIES[s.entity].label} · linha {s.sourceLine} da origem
      </h3>
      <p class="small">
        {s.reasons.map((r) => (
          <span class="badge badge-info">{SAMPLE_REASONS[r]}</span>
        ))}{' '}
        {differing > 0 ? <strong data-testid="sample-differs">{differing} campo(s) diferente(s)</strong> : <span class="muted">Nenhum campo diferente</span>}
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Registro de origem e registro migrado, campo a campo</caption>
          <thead>
            <tr>
              <th scope="col">Campo</th>
              <th scope="col">Coluna na origem</th>
              <th scope="col">Valor na origem</th>
              <th scope="col">Valor migrado</th>
            </tr>
          </thead>
          <tbody>
            {s.fields.map((f) => (
              <tr class={f.differs ? 'mig-diff' : undefined} data-field={f.field}>
                <th scope="row">
                  {f.label}
                  {f.differs && <span class="badge badge-danger mig-diff-tag">diferente</span>}
                </th>
                <td>{f.column ?? '—'}</td>
                <td class="preline">{f.raw === '' ? <span class="muted">(em branco)</span> : f.raw}</td>
                <td class="preline">{f.staged === '' ? <span class="muted">(em branco)</span> : f.staged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {s.review && (
        <p class="small" data-testid="sample-review">
          <span class={`badge ${s.review.verdict === 'confere' ? 'badge-ok' : 'badge-danger'}`}>{s.review.verdict === 'confere' ? 'Confere' : 'Diverge'}</span> por {s.review.byName} em{' '}
          {formatDateTime(s.review.at)}
          {s.review.comment ? `: "${s.review.comment}"` : ''}
        </p>
      )}
      {props.action && (
        <form method="post" action={props.action} class="mig-review">
          <input type="hidden" name="entidade" value={s.entity} />
          <input type="hidden" name="linha" value={String(s.sourceLine)} />
          <fieldset>
            <legend>Este registro foi migrado corretamente?</legend>
            <label class="mig-inline">
              <input type="radio" name="veredito" value="confere" checked={s.review?.verdict === 'confere'} required /> Confere
            </label>
            <label class="mig-inline">
              <input type="radio" name="veredito" value="diverge" checked={s.review?.verdict === 'diverge'} /> Diverge
            </label>
          </fieldset>
          <label for={`${id}-comentario`}>
            Comentário (obrigatório quando diverge)
            <input id={`${id}-comentario`} name="comentario" value={s.review?.comment ?? ''} maxlength={1000} />
          </label>
          <button type="submit">Salvar marcação</button>
        </form>
      )}
    </article>
  );
}

export interface TestReportPageProps {
  r: RequestRow;
  report: TestReport;
  side: 'personal' | 'ehr';
  /** Where sample verdicts are posted (null: this actor does not review this side). */
  reviewAction: string | null;
  /** The EHR side's link, for those who may open it. */
  ehrLink: boolean;
  /** "Aprovo esta versão": the gestor, on the latest open version. */
  canApprove: boolean;
  errors: string[];
}

export function TestReportPage(props: TestReportPageProps) {
  const { r, report, side } = props;
  const v = report.version;
  const t = report.totals;
  return (
    <>
      <p class="small">
        <a href={requestPath(r.id)}>← Migração #{r.id}</a>
      </p>
      <PageHeader
        title={`${side === 'ehr' ? 'Teste espelho do prontuário' : 'Relatório de testes'} · versão de validação ${v.number}`}
        subtitle={
          <>
            {r.clinicName} · {VERSION_STATES[v.state]} · disponível até {formatDateTime(v.expiresAt)}
          </>
        }
      />
      <HomologationBanner />
      {props.errors.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="form-errors">
          <strong>Nada foi alterado:</strong>
          <ul>
            {props.errors.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {side === 'personal' && (
        <section aria-labelledby="contagens">
          <h2 id="contagens">Contagens</h2>
          <CountsTable rows={report.counts} previous={report.previous?.number ?? null} />
        </section>
      )}
      <section aria-labelledby="espelho">
        <h2 id="espelho">Teste espelho</h2>
        <p data-testid="mirror-totals">
          {formatNumber(t.reviewed)} de {formatNumber(t.samples)} amostras marcadas · {formatNumber(t.diverge)} divergência(s). Amostras aleatórias, as escolhidas no plano de testes e casos
          de borda (acentos, texto longo, campos em branco, datas extremas), lado a lado com o registro de origem; os campos diferentes aparecem destacados.
        </p>
        {side === 'personal' && t.ehrSamples > 0 && (
          <p class="small" data-testid="ehr-samples-note">
            {formatNumber(t.ehrSamples)} amostra(s) de prontuários, documentos e imagens são revisadas pelos perfis clínicos da base
            {props.ehrLink ? (
              <>
                {' '}
                em <a href={reportPath(r.id, v.number, true)}>Teste espelho do prontuário</a>.
              </>
            ) : (
              '.'
            )}
          </p>
        )}
        {report.samples.length === 0 ? (
          <p class="muted">Nenhuma amostra nesta parte do relatório.</p>
        ) : (
          report.samples.map((s, i) => <SampleCard s={s} action={props.reviewAction} index={i} />)
        )}
      </section>
      {side === 'personal' && (
        <section class="card" aria-labelledby="aprovacao" data-testid="approval">
          <h2 id="aprovacao" class="card-title">
            Aprovação da versão
          </h2>
          {r.approvedVersionId === v.id ? (
            <p data-testid="approved">
              <span class="badge badge-ok">Aprovada</span> por {r.approvedByName} em {r.approvedAt ? formatDateTime(r.approvedAt) : ''}.
            </p>
          ) : report.blockers.length > 0 ? (
            <ul class="compact-list" data-testid="approval-blockers">
              {report.blockers.map((b) => (
                <li>{b}</li>
              ))}
            </ul>
          ) : (
            <p>Contagens conferem e todas as amostras foram marcadas como "confere".</p>
          )}
          {props.canApprove && r.approvedVersionId !== v.id && (
            <form method="post" action={`${reportPath(r.id, v.number)}/aprovar`}>
              <button type="submit" disabled={report.blockers.length > 0}>
                Aprovo esta versão
              </button>
            </form>
          )}
        </section>
      )}
    </>
  );
}
