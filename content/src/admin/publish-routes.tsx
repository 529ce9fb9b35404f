import { type CoreServices, type Db, formatNumber, PageHeader, renderPage, type ScreenRouter, schema as core } from '@painel/core/module';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { authorOf } from '../shared/author.ts';
import { auditContent } from '../shared/audit.ts';
import { requireEdit } from '../shared/track-access.ts';
import { countActiveBases, latestPublishedVersion, type PublishTargets } from '../tracks/publication-store.ts';
import { MAX_CHOSEN_BASES, publishVersion } from '../tracks/publish-version.ts';
import { trackAdminPath, versionPath } from '../tracks/track-ref.ts';
import { diffVersions } from '../tracks/version-diff.ts';
import { getVersion } from '../tracks/version-store.ts';
import { loadVersion } from './version-page.tsx';
import { StartsCompleteWarning } from './starts-complete-warning.tsx';
import { DiffSummary } from './version-outline.tsx';

const meta = { permission: 'reseller.manage', dataClass: 'general', screen: 'Publicar trilha' } as const;
const LIST_LIMIT = 200;

interface BaseOption {
  id: number;
  name: string;
  city: string | null;
  uf: string | null;
}

/** Active bases of a reseller matching a keyword or a base id (the publish form's checkbox list). */
async function searchBases(tx: Db, resellerId: number, query: string): Promise<BaseOption[]> {
  const q = query.trim();
  const c = core.clinics;
  const match = q
    ? /^\d{1,15}$/.test(q)
      ? or(eq(c.id, Number(q)), sql`${c.id}::text like ${`${q}%`}`)
      : ilike(c.name, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`)
    : undefined;
  return tx
    .select({ id: c.id, name: c.name, city: c.city, uf: c.uf })
    .from(c)
    .where(and(eq(c.resellerId, resellerId), eq(c.status, 'active'), match))
    .orderBy(asc(c.name))
    .limit(LIST_LIMIT + 1);
}

/** Base ids typed or pasted ("1001, 1002 1003"), in order, without repeats. */
export function parseBaseIds(text: string): number[] {
  return [...new Set((text.match(/\d{1,15}/g) ?? []).map(Number))];
}

export function publishRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/trilhas/:trilha/versoes/:versao/publicar', meta, async (c) => {
    const { access, version } = await loadVersion(c);
    requireEdit(access);
    const { ref } = access;
    const busca = (c.req.query('busca') ?? '').slice(0, 100);
    const { bases, active, published } = await c.get('tx')(async (tx) => {
      const publishedNumber = await latestPublishedVersion(tx, ref);
      const published = publishedNumber === null || publishedNumber === version.number ? null : await getVersion(tx, ref, publishedNumber);
      return ref.owner === 'reseller'
        ? { bases: await searchBases(tx, ref.resellerId, busca), active: await countActiveBases(tx, ref.resellerId), published }
        : { bases: [] as BaseOption[], active: 0, published };
    });
    const notify = version.track.achievements.filter((a) => a.notify);
    const action = `${versionPath(ref, version.number)}/publicar`;
    return renderPage(c, {
      title: `Publicar versão ${version.number}`,
      body: (
        <>
          <nav aria-label="Trilha de navegação" class="breadcrumb">
            <a href="/conteudos">Conteúdos</a> › <a href={trackAdminPath(ref)}>{access.name}</a> ›{' '}
            <a href={versionPath(ref, version.number)}>Versão {version.number}</a> › <span aria-current="page">Publicar</span>
          </nav>
          <PageHeader title={`Publicar a versão ${version.number}`} subtitle={access.name} />
          <StartsCompleteWarning track={version.track} />
          <section class="card">
            <p>
              {notify.length > 0 ? (
                <>
                  <strong>Notificação:</strong> {notify.length === 1 ? 'a conquista' : 'as conquistas'}{' '}
                  {notify.map((a) => `“${a.description}”`).join(', ')} {notify.length === 1 ? 'está marcada' : 'estão marcadas'} com
                  “notificado”: cada usuário das bases escolhidas recebe <strong>um</strong> aviso no sino.
                </>
              ) : (
                'Nenhuma conquista desta versão está marcada com “notificado”: os usuários não serão avisados.'
              )}
            </p>
            <p class="muted small">O progresso dos usuários é mantido: tarefas com o mesmo id ou título continuam concluídas.</p>
            {published && <DiffSummary diff={diffVersions(published.track, version.track)} against={published.number} />}
          </section>
          {ref.owner === 'platform' ? (
            <form method="post" action={action} class="card">
              <input type="hidden" name="alvo" value="todas" />
              <p>A trilha padrão é publicada para todas as bases de todas as singulares.</p>
              <button type="submit" data-testid="publish-submit">
                Publicar a versão {version.number} para todas as bases
              </button>
            </form>
          ) : (
            <>
              <form method="get" action={action} class="search-form" role="search">
                <label for="f-busca">
                  Buscar bases por nome ou id da base
                  <input id="f-busca" name="busca" type="search" value={busca} placeholder="Ex.: Centro ou 1001" />
                </label>
                <button type="submit" class="secondary">
                  Buscar
                </button>
              </form>
              <form method="post" action={action} class="card publish-form" data-testid="publish-form">
                <fieldset>
                  <legend>Para quais bases?</legend>
                  <label>
                    <input type="radio" name="alvo" value="todas" checked />
                    Todas as bases da singular ({formatNumber(active)} ativas; inclui as criadas depois)
                  </label>
                  <label>
                    <input type="radio" name="alvo" value="escolhidas" />
                    Somente as bases escolhidas abaixo
                  </label>
                </fieldset>
                <fieldset class="base-list">
                  <legend>
                    Bases{busca ? ` encontradas para “${busca}”` : ''}
                    {bases.length > LIST_LIMIT ? ` (primeiras ${LIST_LIMIT}; refine a busca)` : ''}
                  </legend>
                  {bases.length === 0 ? (
                    <p class="muted">Nenhuma base encontrada.</p>
                  ) : (
                    bases.slice(0, LIST_LIMIT).map((b) => (
                      <label class="base-option">
                        <input type="checkbox" name="bases" value={String(b.id)} />
                        {b.name} <span class="muted">· id {b.id}</span>
                        {b.city && (
                          <span class="muted small">
                            {' '}
                            · {b.city}
                            {b.uf ? `/${b.uf}` : ''}
                          </span>
                        )}
                      </label>
                    ))
                  )}
                </fieldset>
                <label for="f-ids">
                  Ou informe os ids das bases
                  <textarea id="f-ids" name="ids" rows={2} placeholder="1001, 1002, 1003" aria-describedby="f-ids-hint" />
                  <small id="f-ids-hint">Separados por vírgula, espaço ou linha. Até {formatNumber(MAX_CHOSEN_BASES)} bases.</small>
                </label>
                <button type="submit" data-testid="publish-submit">
                  Publicar a versão {version.number}
                </button>
              </form>
            </>
          )}
        </>
      ),
    });
  });

  router.post('/conteudos/trilhas/:trilha/versoes/:versao/publicar', meta, async (c) => {
    const { access, version } = await loadVersion(c);
    requireEdit(access);
    const { ref } = access;
    const form = await c.req.parseBody({ all: true });
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
    const chosen = form.alvo === 'escolhidas';
    const ids = [...new Set([...list(form.bases).flatMap(parseBaseIds), ...parseBaseIds(String(form.ids ?? ''))])];
    const targets: PublishTargets = chosen ? { kind: 'chosen', clinicIds: ids } : { kind: 'all' };
    const back = `${versionPath(ref, version.number)}/publicar`;
    if (!chosen && ids.length > 0 && ref.owner === 'reseller') {
      await c.get('flash')(
        'Você marcou bases, mas escolheu “Todas as bases da singular”. Escolha “Somente as bases escolhidas” ou desmarque as bases. Nada foi publicado.',
        'error',
      );
      return c.redirect(back, 303);
    }
    const result = await c.get('tx')(async (tx) => {
      const result = await publishVersion(services, tx, {
        ref,
        trackName: access.name,
        version: version.number,
        targets,
        author: authorOf(c.get('actor')),
      });
      if (result.ok) {
        await auditContent(c, tx, {
          action: 'content.version.publish',
          resellerId: ref.owner === 'reseller' ? ref.resellerId : null,
          target: versionPath(ref, version.number),
          details: {
            allBases: targets.kind === 'all',
            bases: targets.kind === 'chosen' ? targets.clinicIds.slice(0, 100) : undefined,
            baseCount: result.baseCount,
            notifiedUsers: result.notifiedUsers,
          },
        });
      }
      return result;
    });
    if (!result.ok) {
      await c.get('flash')(result.message, 'error');
      return c.redirect(back, 303);
    }
    const where =
      targets.kind === 'all'
        ? 'todas as bases'
        : `${formatNumber(result.baseCount)} ${result.baseCount === 1 ? 'base escolhida' : 'bases escolhidas'}`;
    const notified =
      result.notifiedUsers > 0
        ? ` ${formatNumber(result.notifiedUsers)} ${result.notifiedUsers === 1 ? 'usuário notificado' : 'usuários notificados'}.`
        : '';
    await c.get('flash')(`Versão ${version.number} publicada para ${where}.${notified}`, 'success');
    return c.redirect(trackAdminPath(ref), 303);
  });
}
