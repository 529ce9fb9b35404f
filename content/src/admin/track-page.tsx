import { type CoreServices, EmptyState, formatDateTime, formatNumber, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import { auditContent } from '../shared/audit.ts';
import { requireEdit, resolveTrack } from '../shared/track-access.ts';
import { trackAdminPath, versionPath } from '../tracks/track-ref.ts';
import { trackStatus, versionState } from '../tracks/track-status.ts';
import { listVersions, renameTrack } from '../tracks/version-store.ts';
import { VersionBadge } from './version-badge.tsx';

const meta = { permission: 'reseller.manage', dataClass: 'general', screen: 'Trilha de conteúdos' } as const;

/** One track: where it is live, its versions and its publication history. */
export function trackPageRoutes(router: ScreenRouter, _services: CoreServices): void {
  router.get('/conteudos/trilhas/:trilha', meta, async (c) => {
    const access = await resolveTrack(c, c.req.param('trilha') ?? '');
    const { ref } = access;
    const { versions, status } = await c.get('tx')(async (tx) => ({
      versions: await listVersions(tx, ref),
      status: await trackStatus(tx, ref),
    }));
    const uploadHref = `/conteudos/enviar?trilha=${ref.owner === 'platform' ? 'padrao' : ref.trackId}`;
    return renderPage(c, {
      title: access.name,
      body: (
        <>
          <nav aria-label="Trilha de navegação" class="breadcrumb">
            <a href="/conteudos">Conteúdos</a> › <span aria-current="page">{access.name}</span>
          </nav>
          <PageHeader
            title={access.name}
            subtitle={ref.owner === 'platform' ? 'Trilha padrão da plataforma, vista por todas as clínicas.' : 'Trilha da singular.'}
            actions={
              access.canEdit && (
                <a href={uploadHref} role="button">
                  Enviar nova versão
                </a>
              )
            }
          />
          {ref.owner === 'reseller' && (
            <section class="card" aria-labelledby="situacao">
              <h2 id="situacao" class="card-title">Situação nas bases</h2>
              <ul class="live-list">
                {[...status.live.entries()]
                  .sort((a, b) => b[0] - a[0])
                  .map(([version, bases]) => (
                    <li>
                      <a href={versionPath(ref, version)}>Versão {version}</a>:{' '}
                      {bases === status.activeBases ? 'todas as ' : ''}
                      {formatNumber(bases as number)} {bases === 1 ? 'base' : 'bases'}
                    </li>
                  ))}
                {status.withoutTrack > 0 && (
                  <li>
                    Sem esta trilha: {formatNumber(status.withoutTrack)} {status.withoutTrack === 1 ? 'base' : 'bases'}
                  </li>
                )}
              </ul>
              {access.canEdit && (
                <details class="rename">
                  <summary>Renomear a trilha</summary>
                  <form method="post" action={`${trackAdminPath(ref)}/renomear`} class="search-form">
                    <label for="f-nome">
                      Nome
                      <input id="f-nome" name="nome" value={access.name} maxlength={120} required />
                    </label>
                    <button type="submit">Salvar nome</button>
                  </form>
                </details>
              )}
            </section>
          )}
          <section class="plain" aria-labelledby="versoes">
            <h2 id="versoes" class="section-title">
              Versões
            </h2>
            {versions.length === 0 ? (
              <EmptyState>Nenhuma versão enviada.</EmptyState>
            ) : (
              <div class="table-wrap">
                <table data-testid="versions-table" class="versions-table">
                  <thead>
                    <tr>
                      <th scope="col">Versão</th>
                      <th scope="col">Situação</th>
                      <th scope="col">Enviada</th>
                      <th scope="col">Conteúdo</th>
                      <th scope="col">
                        <span class="visually-hidden">Ações</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {versions.map((v) => {
                      const tasks = v.track.achievements.reduce((n, a) => n + a.tasks.length, 0);
                      return (
                        <tr>
                          <td>
                            <a href={versionPath(ref, v.number)}>
                              <strong>Versão {v.number}</strong>
                            </a>
                            {v.restoredFrom !== null && <small class="muted"> (cópia da versão {v.restoredFrom})</small>}
                          </td>
                          <td>
                            <VersionBadge state={versionState(status, v.number)} activeBases={status.activeBases} />
                          </td>
                          <td>
                            {formatDateTime(v.createdAt)}
                            <br />
                            <small class="muted">
                              {v.createdByName} · <span class="mono">{v.fileName}</span>
                            </small>
                          </td>
                          <td>
                            {v.track.achievements.length} {v.track.achievements.length === 1 ? 'conquista' : 'conquistas'}, {tasks}{' '}
                            {tasks === 1 ? 'tarefa' : 'tarefas'}
                          </td>
                          <td class="actions-cell">
                            <a href={versionPath(ref, v.number)} role="button" class="secondary outline">
                              Abrir
                            </a>
                            <a href={`${versionPath(ref, v.number)}/previa`} role="button" class="secondary outline">
                              Prévia
                            </a>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section class="plain" aria-labelledby="publicacoes">
            <h2 id="publicacoes" class="section-title">
              Publicações
            </h2>
            {status.publications.length === 0 ? (
              <EmptyState>Nenhuma versão desta trilha foi publicada ainda.</EmptyState>
            ) : (
              <div class="table-wrap">
                <table data-testid="publications-table">
                  <thead>
                    <tr>
                      <th scope="col">Quando</th>
                      <th scope="col">Versão</th>
                      <th scope="col">Para</th>
                      <th scope="col">Usuários notificados</th>
                      <th scope="col">Por</th>
                    </tr>
                  </thead>
                  <tbody>
                    {status.publications.map((p) => (
                      <tr>
                        <td>{formatDateTime(p.createdAt)}</td>
                        <td>{p.version === null ? 'Retirada' : <a href={versionPath(ref, p.version)}>Versão {p.version}</a>}</td>
                        <td>
                          {p.allBases
                            ? 'Todas as bases'
                            : `${formatNumber(p.baseCount)} ${p.baseCount === 1 ? 'base escolhida' : 'bases escolhidas'}`}
                        </td>
                        <td>{formatNumber(p.notifiedUsers)}</td>
                        <td>{p.createdByName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ),
    });
  });

  router.post('/conteudos/trilhas/:trilha/renomear', meta, async (c) => {
    const access = await resolveTrack(c, c.req.param('trilha') ?? '');
    requireEdit(access);
    const ref = access.ref;
    const name = String((await c.req.parseBody()).nome ?? '').trim();
    if (ref.owner !== 'reseller') return c.redirect(trackAdminPath(ref), 303);
    if (name.length < 3 || name.length > 120) {
      await c.get('flash')('O nome da trilha precisa ter de 3 a 120 caracteres. Nada foi alterado.', 'error');
      return c.redirect(trackAdminPath(ref), 303);
    }
    await c.get('tx')(async (tx) => {
      await renameTrack(tx, ref, name);
      await auditContent(c, tx, {
        action: 'content.track.rename',
        resellerId: ref.resellerId,
        target: trackAdminPath(ref),
        details: { from: access.name, to: name },
      });
    });
    await c.get('flash')('Nome da trilha atualizado.', 'success');
    return c.redirect(trackAdminPath(ref), 303);
  });
}
