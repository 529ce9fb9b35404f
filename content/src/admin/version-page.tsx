import { type AppEnv, type CoreServices, formatDateTime, HttpError, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { authorOf } from '../shared/author.ts';
import { auditContent } from '../shared/audit.ts';
import { requireEdit, resolveTrack, type TrackAccess } from '../shared/track-access.ts';
import { latestPublishedVersion } from '../tracks/publication-store.ts';
import { restoredVersion } from '../tracks/restore-version.ts';
import { trackAdminPath, versionPath } from '../tracks/track-ref.ts';
import { trackStatus, versionState } from '../tracks/track-status.ts';
import { diffVersions } from '../tracks/version-diff.ts';
import type { VersionRecord } from '../tracks/version-record.ts';
import { getVersion, insertVersion, listVersions } from '../tracks/version-store.ts';
import { NoticesList } from '../upload/issues-table.tsx';
import { VersionBadge } from './version-badge.tsx';
import { StartsCompleteWarning } from './starts-complete-warning.tsx';
import { DiffSummary, VersionOutline } from './version-outline.tsx';

const meta = { permission: 'reseller.manage', dataClass: 'general', screen: 'Versão de trilha' } as const;

/** A track and one of its versions, or 404. */
export async function loadVersion(c: Context<AppEnv>): Promise<{ access: TrackAccess; version: VersionRecord }> {
  const access = await resolveTrack(c, c.req.param('trilha') ?? '');
  const raw = c.req.param('versao') ?? '';
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new HttpError(404);
  const version = await c.get('tx')((tx) => getVersion(tx, access.ref, Number(raw)));
  if (!version) throw new HttpError(404);
  return { access, version };
}

export function versionPageRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/trilhas/:trilha/versoes/:versao', meta, async (c) => {
    const { access, version } = await loadVersion(c);
    const { ref } = access;
    const { status, published, latestNumber } = await c.get('tx')(async (tx) => {
      const status = await trackStatus(tx, ref);
      const publishedNumber = await latestPublishedVersion(tx, ref);
      const published = publishedNumber === null ? null : await getVersion(tx, ref, publishedNumber);
      const [latest] = await listVersions(tx, ref);
      return { status, published, latestNumber: latest?.number ?? version.number };
    });
    const state = versionState(status, version.number);
    const base = versionPath(ref, version.number);
    const justUploaded = c.req.query('enviada') === '1';
    return renderPage(c, {
      title: `Versão ${version.number} — ${access.name}`,
      body: (
        <>
          <nav aria-label="Trilha de navegação" class="breadcrumb">
            <a href="/conteudos">Conteúdos</a> › <a href={trackAdminPath(ref)}>{access.name}</a> ›{' '}
            <span aria-current="page">Versão {version.number}</span>
          </nav>
          <PageHeader
            title={`Versão ${version.number}`}
            subtitle={
              <>
                {access.name} · <VersionBadge state={state} activeBases={status.activeBases} />
              </>
            }
            actions={
              <>
                <a href={`${base}/previa`} role="button" data-testid="preview-link">
                  Ver prévia
                </a>
                {access.canEdit && (
                  <a href={`${base}/publicar`} role="button" class="secondary" data-testid="publish-link">
                    Publicar…
                  </a>
                )}
              </>
            }
          />
          <StartsCompleteWarning track={version.track} />
          <section class="card" aria-labelledby="sobre">
            <h2 id="sobre" class="visually-hidden">
              Sobre esta versão
            </h2>
            <dl class="facts">
              <dt>Enviada</dt>
              <dd>
                {formatDateTime(version.createdAt)} por {version.createdByName}
              </dd>
              <dt>Arquivo</dt>
              <dd>
                <span class="mono">{version.fileName}</span> · <a href={`${base}/arquivo`}>baixar o original</a>
              </dd>
              {version.restoredFrom !== null && (
                <>
                  <dt>Origem</dt>
                  <dd>
                    Cópia da <a href={versionPath(ref, version.restoredFrom)}>versão {version.restoredFrom}</a>
                  </dd>
                </>
              )}
              <dt>Texto complementar</dt>
              <dd>{version.previewText ? <span class="preline">{version.previewText}</span> : <span class="muted">Nenhum</span>}</dd>
            </dl>
          </section>
          {version.notices.length > 0 ? (
            <NoticesList
              notices={version.notices}
              title={justUploaded ? 'O arquivo foi aceito. O que foi normalizado:' : 'O que foi normalizado no envio:'}
            />
          ) : (
            <p class="muted">Nenhum ajuste automático foi necessário neste arquivo.</p>
          )}
          {published && published.number !== version.number && (
            <section class="card" aria-labelledby="comparacao">
              <h2 id="comparacao" class="card-title">Comparação com a versão publicada</h2>
              <DiffSummary diff={diffVersions(published.track, version.track)} against={published.number} />
            </section>
          )}
          <section class="card" aria-labelledby="conteudo">
            <h2 id="conteudo" class="card-title">Conteúdo</h2>
            <VersionOutline track={version.track} />
          </section>
          {access.canEdit && version.number !== latestNumber && (
            <section class="card" aria-labelledby="restaurar">
              <h2 id="restaurar" class="card-title">Restaurar esta versão</h2>
              <p>
                Cria a versão {latestNumber + 1} como cópia desta, em rascunho. Nada muda nas clínicas até você publicá-la; o histórico
                continua completo e o progresso dos usuários é mantido.
              </p>
              <form method="post" action={`${base}/restaurar`}>
                <button type="submit" class="secondary" data-testid="restore">
                  Restaurar como versão {latestNumber + 1}
                </button>
              </form>
            </section>
          )}
        </>
      ),
    });
  });

  router.get('/conteudos/trilhas/:trilha/versoes/:versao/arquivo', meta, async (c) => {
    const { version } = await loadVersion(c);
    const name = version.fileName.replace(/[^\w.-]+/g, '_') || 'conquistas.txt';
    return c.body(version.sourceText, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });

  router.post('/conteudos/trilhas/:trilha/versoes/:versao/restaurar', meta, async (c) => {
    const { access, version } = await loadVersion(c);
    requireEdit(access);
    const { ref } = access;
    const number = await c.get('tx')(async (tx) => {
      const number = await insertVersion(tx, ref, restoredVersion(version, authorOf(c.get('actor'))), services.clock.now());
      await auditContent(c, tx, {
        action: 'content.version.restore',
        resellerId: ref.owner === 'reseller' ? ref.resellerId : null,
        target: versionPath(ref, number),
        details: { restoredFrom: version.number },
      });
      return number;
    });
    await c.get('flash')(
      `Versão ${number} criada como cópia da versão ${version.number}, em rascunho. Confira a prévia e publique para as clínicas verem.`,
      'success',
    );
    return c.redirect(versionPath(ref, number), 303);
  });
}
