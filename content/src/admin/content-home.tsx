import { type CoreServices, EmptyState, formatDateTime, formatNumber, PageHeader, renderPage, type ScreenRouter } from '@painel/core/module';
import { countNewBookings } from '../booking/booking-store.ts';
import { DEFAULT_TRACK_NAME } from '../panel/load-panel.ts';
import { auditContent } from '../shared/audit.ts';
import { authorOf } from '../shared/author.ts';
import { managedOwner } from '../shared/track-access.ts';
import { registerBuiltinDefaultTrack } from '../tracks/builtin-default-track.ts';
import { platformTrack, type TrackRef, trackAdminPath, versionPath } from '../tracks/track-ref.ts';
import { type TrackStatus, trackStatus, versionState } from '../tracks/track-status.ts';
import { listTracks, listVersions, type VersionSummary } from '../tracks/version-store.ts';
import { VersionBadge } from './version-badge.tsx';

interface TrackOverview {
  ref: TrackRef;
  name: string;
  versions: VersionSummary[];
  status: TrackStatus;
  editable: boolean;
}

/** "Conteúdos": the tracks an admin manages, with what is live where. */
export function contentHomeRoutes(router: ScreenRouter, services: CoreServices): void {
  router.post(
    '/conteudos/trilhas/padrao/registrar',
    { permission: 'platform.admin', dataClass: 'general', screen: 'Registrar trilha padrão' },
    async (c) => {
      const number = await c.get('tx')(async (tx) => {
        const number = await registerBuiltinDefaultTrack(tx, authorOf(c.get('actor')), services.clock.now());
        if (number !== null) {
          await auditContent(c, tx, { action: 'content.version.publish', target: versionPath(platformTrack, number), details: { builtin: true } });
        }
        return number;
      });
      await c.get('flash')(
        number === null ? 'A trilha padrão já estava registrada.' : `Trilha padrão registrada e publicada (versão ${number}).`,
        number === null ? 'info' : 'success',
      );
      return c.redirect('/conteudos', 303);
    },
  );

  router.get('/conteudos', { permission: 'reseller.manage', dataClass: 'general', screen: 'Conteúdos' }, async (c) => {
    const owner = managedOwner(c.get('actor'));
    const { overviews, newBookings } = await c.get('tx')(async (tx) => {
      const list: TrackOverview[] = [];
      const load = async (ref: TrackRef, name: string, editable: boolean) =>
        list.push({ ref, name, versions: await listVersions(tx, ref), status: await trackStatus(tx, ref), editable });
      if (owner.kind === 'reseller') {
        for (const t of await listTracks(tx, owner.resellerId)) {
          await load({ owner: 'reseller', resellerId: owner.resellerId, trackId: t.id }, t.name, true);
        }
      }
      await load(platformTrack, DEFAULT_TRACK_NAME, owner.kind === 'platform');
      const newBookings = await countNewBookings(tx, owner.kind === 'reseller' ? owner.resellerId : undefined);
      return { overviews: list, newBookings };
    });
    const own = overviews.filter((o) => o.ref.owner === 'reseller');
    const platform = overviews.find((o) => o.ref.owner === 'platform')!;
    return renderPage(c, {
      title: 'Conteúdos',
      body: (
        <>
          <PageHeader
            title="Conteúdos do painel"
            subtitle={
              owner.kind === 'reseller'
                ? 'As trilhas de conquistas que aparecem no painel de evolução das suas clínicas.'
                : 'A trilha padrão, em 5 etapas, que todas as clínicas de todas as singulares veem.'
            }
            actions={
              <>
                <a href="/conteudos/enviar" role="button" data-testid="upload-link">
                  Enviar arquivo de conquistas
                </a>
                {owner.kind === 'reseller' && (
                  <a href="/conteudos/analise" role="button" class="secondary outline">
                    Análise
                  </a>
                )}
                <a href="/conteudos/agendamentos" role="button" class="secondary outline">
                  Agendamentos{newBookings > 0 ? ` (${formatNumber(newBookings)} novos)` : ''}
                </a>
              </>
            }
          />
          {owner.kind === 'reseller' && (
            <section class="plain" aria-labelledby="trilhas-singular">
              <h2 id="trilhas-singular" class="section-title">
                Trilhas da singular
              </h2>
              {own.length === 0 ? (
                <EmptyState>
                  Nenhuma trilha ainda. <a href="/conteudos/enviar">Envie o primeiro arquivo de conquistas</a> para criar uma.
                </EmptyState>
              ) : (
                <TracksTable overviews={own} />
              )}
            </section>
          )}
          {owner.kind === 'platform' && platform.versions.length === 0 && (
            <section class="card" aria-labelledby="registrar">
              <h2 id="registrar" class="card-title">
                Trilha padrão ainda não registrada
              </h2>
              <p>
                Este banco de dados ainda não tem a trilha padrão. Registre a versão que acompanha o sistema (5 etapas, com os artigos da
                central de ajuda) para que ela apareça no painel de todas as clínicas.
              </p>
              <form method="post" action="/conteudos/trilhas/padrao/registrar">
                <button type="submit">Registrar e publicar a trilha padrão</button>
              </form>
            </section>
          )}
          <section class="plain" aria-labelledby="trilha-padrao">
            <h2 id="trilha-padrao" class="section-title">
              Trilha padrão da plataforma
            </h2>
            {owner.kind === 'reseller' && (
              <p class="muted small">
                Mantida pela equipe da plataforma; aparece para todas as suas clínicas antes das trilhas da singular.
              </p>
            )}
            <TracksTable overviews={[platform]} />
          </section>
        </>
      ),
    });
  });
}

function TracksTable({ overviews }: { overviews: TrackOverview[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="tracks-table">
        <thead>
          <tr>
            <th scope="col">Trilha</th>
            <th scope="col">Situação</th>
            <th scope="col">Última versão</th>
            <th scope="col">
              <span class="visually-hidden">Ações</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {overviews.map((o) => {
            const latest = o.versions[0];
            const live = [...o.status.live.entries()].sort((a, b) => b[0] - a[0]);
            return (
              <tr>
                <td>
                  <a href={trackAdminPath(o.ref)}>
                    <strong>{o.name}</strong>
                  </a>
                  <br />
                  <small class="muted">
                    {o.versions.length} {o.versions.length === 1 ? 'versão' : 'versões'}
                  </small>
                </td>
                <td>
                  {live.length === 0 ? (
                    <span class="badge badge-warn">Não publicada</span>
                  ) : (
                    live.map(([version, bases]) => (
                      <div>
                        v{version} <VersionBadge state={{ kind: 'live', bases }} activeBases={o.status.activeBases} />
                      </div>
                    ))
                  )}
                </td>
                <td>
                  {latest ? (
                    <>
                      <a href={versionPath(o.ref, latest.number)}>Versão {latest.number}</a>{' '}
                      <VersionBadge state={versionState(o.status, latest.number)} activeBases={o.status.activeBases} />
                      <br />
                      <small class="muted">
                        {formatDateTime(latest.createdAt)} · {latest.createdByName}
                      </small>
                    </>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td class="actions-cell">
                  <a href={trackAdminPath(o.ref)} role="button" class="secondary outline">
                    Abrir
                  </a>
                  {o.editable && (
                    <a href={`/conteudos/enviar?trilha=${o.ref.owner === 'platform' ? 'padrao' : o.ref.trackId}`} role="button" class="secondary outline">
                      Nova versão
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
