import { formatBytes, formatDateTime, formatNumber, jobProgressPath } from '@painel/core/plugin';
import type { PackageRow } from '../routes/package-routes.tsx';
import { packagePath } from '../routes/package-routes.tsx';
import type { RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';

const STATES = { gerando: 'Gerando', pronto: 'Pronto', falhou: 'Falhou', apagado: 'Apagado (retenção)' } as const;

/** The final version's packages: generate (the team), progress, files with rows and SHA-256, download. */
export function PackageCard(props: { r: RequestRow; packages: PackageRow[]; canBuild: boolean; canDownload: boolean }) {
  const { r } = props;
  return (
    <section class="card" aria-labelledby="pacote" data-testid="packages">
      <h2 id="pacote" class="card-title">
        Pacote final
      </h2>
      <p class="muted small">
        Um CSV por entidade (UTF-8 sem BOM, separado por vírgula, RFC 4180) com o mapeamento aplicado, da versão aprovada, e um manifest.json com as linhas e o SHA-256 de cada arquivo.
      </p>
      {props.packages.length === 0 && <p class="muted">Nenhum pacote gerado ainda.</p>}
      {props.packages.map((p) => (
        <article data-testid="package" data-state={p.state}>
          <p>
            <strong>
              Pacote #{p.id} · versão {p.versionNumber}
            </strong>{' '}
            · <span class={`badge ${p.state === 'pronto' ? 'badge-ok' : p.state === 'falhou' ? 'badge-danger' : 'badge-muted'}`}>{STATES[p.state]}</span> · pedido por {p.byName} em {formatDateTime(p.createdAt)}
            {p.error ? ` — ${p.error}` : ''}
          </p>
          {p.state === 'gerando' && p.jobId && (
            <p>
              <a href={jobProgressPath(p.jobId)}>Acompanhar a geração do pacote</a>
            </p>
          )}
          {p.state === 'pronto' && (
            <>
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">Arquivos do pacote #{p.id}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Arquivo</th>
                      <th scope="col">Linhas</th>
                      <th scope="col">Tamanho</th>
                      <th scope="col">SHA-256</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.files.map((f) => (
                      <tr>
                        <td>{f.name}</td>
                        <td>{formatNumber(f.rows)}</td>
                        <td>{formatBytes(f.bytes)}</td>
                        <td>
                          <code class="small">{f.sha256}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {props.canDownload && (
                <a href={packagePath(r.id, p.id)} role="button" class="secondary" data-testid="package-download">
                  Baixar pacote (.zip)
                </a>
              )}
            </>
          )}
        </article>
      ))}
      {props.canBuild && (
        <form method="post" action={`${requestPath(r.id)}/pacote`}>
          <button type="submit">Gerar pacote final da versão aprovada</button>
        </form>
      )}
    </section>
  );
}
