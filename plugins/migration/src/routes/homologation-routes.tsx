/**
 * The homologation screens of the active base's open validation version (issue 15): a summary and one
 * screen per entity. Read-only: nothing here changes the staging. Each route names its screen, so a
 * support agent's visits through a grant land in the base's access history (support-access observer).
 */
import { EmptyState, formatNumber, HttpError, PageHeader, Pagination, type PluginRouter, renderPage } from '@painel/core/plugin';
import { ENTITIES as FIELDS } from '../prevalidation/entities.ts';
import { ENTITIES } from '../domain/vocabulary.ts';
import type { Ctx, Env } from '../http/request.ts';
import { P } from '../permissions.ts';
import { shownValue } from '../homologation/display.ts';
import { HomologationBanner, HomologationFrame, opensEhr } from '../homologation/homologation-layout.tsx';
import { HOMOLOGATION_SCREENS, homologationPath, type HomologationScreen } from '../homologation/screens.ts';
import { PAGE_SIZE, stagedPage } from '../homologation/staged-queries.ts';
import { openVersionOf, type VersionRow } from '../versions/version-store.ts';

/** The active base, or a 403 that says where homologation is seen. */
function activeBase(c: Ctx) {
  const base = c.get('actor').activeClinic;
  if (!base) throw new HttpError(403, 'A homologação é vista dentro de uma base clínica: escolha a base em "Alterar Clínica".');
  return base;
}

function noVersion(c: Ctx, title: string) {
  return renderPage(c, {
    title,
    body: (
      <>
        <PageHeader title={title} />
        <HomologationBanner />
        <EmptyState>Esta base não tem versão de validação aberta. Quando a equipe de migração publicar uma, os dados migrados aparecem aqui por 15 dias.</EmptyState>
      </>
    ),
  });
}

const pageOf = (c: Ctx): number => {
  const n = Number(c.req.query('pagina') ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
};

export function homologationRoutes(router: PluginRouter, _env: Env): void {
  router.get('/homologacao', { permission: P.homologation, dataClass: 'general', screen: 'Homologação da migração' }, async (c) => {
    const base = activeBase(c);
    const actor = c.get('actor');
    const version = await c.get('tx')((tx) => openVersionOf(tx, base));
    const title = 'Homologação da migração';
    if (!version) return noVersion(c, title);
    const ehr = opensEhr(actor);
    return renderPage(c, {
      title,
      body: (
        <>
          <PageHeader title={title} subtitle={`Base ${base.name} · id da base ${base.clinicId}`} />
          <HomologationFrame actor={actor} version={version}>
            <table>
              <caption>Linhas migradas nesta versão, por entidade</caption>
              <thead>
                <tr>
                  <th scope="col">Entidade</th>
                  <th scope="col" class="num">Linhas válidas</th>
                  <th scope="col" class="num">Na homologação</th>
                  <th scope="col" class="num">Recusadas na carga</th>
                </tr>
              </thead>
              <tbody>
                {HOMOLOGATION_SCREENS.map((s) => {
                  const count = version.counts[s.entity];
                  const open = s.dataClass !== 'ehr' || ehr;
                  return (
                    <tr>
                      <td>
                        {open ? <a href={homologationPath(s.slug)}>{s.title}</a> : s.title}
                        {!open && <span class="muted"> — prontuário: só os perfis clínicos da base</span>}
                      </td>
                      <td class="num">{formatNumber(count?.valid ?? 0)}</td>
                      <td class="num">{formatNumber(count?.staged ?? 0)}</td>
                      <td class="num">{formatNumber(count?.rejected ?? 0)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </HomologationFrame>
        </>
      ),
    });
  });

  for (const screen of HOMOLOGATION_SCREENS) {
    router.get(
      `/homologacao/${screen.slug}`,
      { permission: P.homologation, dataClass: screen.dataClass, screen: `Homologação: ${screen.title.toLowerCase()}` },
      (c) => entityScreen(c, screen),
    );
  }
}

async function entityScreen(c: Ctx, screen: HomologationScreen): Promise<Response> {
  const base = activeBase(c);
  const actor = c.get('actor');
  const title = `Homologação: ${screen.title}`;
  const version = await c.get('tx')((tx) => openVersionOf(tx, base));
  if (!version) return noVersion(c, title);
  const page = pageOf(c);
  const q = screen.searchable ? (c.req.query('q') ?? '').trim().slice(0, 100) : '';
  const { rows, hasNext } = await c.get('tx')((tx) => stagedPage(tx, version, screen.entity, { q, page }));
  const fields = FIELDS[screen.entity].fields.filter((f) => rows.some((r) => r.data[f.key] !== undefined && r.data[f.key] !== ''));
  const staged = version.counts[screen.entity]?.staged ?? 0;
  const href = (n: number) => `${homologationPath(screen.slug)}?${new URLSearchParams({ ...(q ? { q } : {}), pagina: String(n) })}`;
  return renderPage(c, {
    title,
    body: (
      <>
        <PageHeader title={title} subtitle={`Base ${base.name} · ${ENTITIES[screen.entity].label}`} />
        <HomologationFrame actor={actor} version={version} current={screen.slug}>
          {screen.searchable && <SearchForm q={q} slug={screen.slug} />}
          {rows.length === 0 ? (
            <EmptyState>{q ? `Nenhum paciente encontrado para "${q}".` : 'Nenhuma linha desta entidade nesta versão.'}</EmptyState>
          ) : (
            <StagedTable caption={`${screen.title} migrados (versão ${version.number})`} fields={fields} rows={rows} />
          )}
          <Pagination page={page} hasNext={hasNext} makeHref={href} total={q ? undefined : `${formatNumber(staged)} linhas, ${PAGE_SIZE} por página`} />
        </HomologationFrame>
      </>
    ),
  });
}

function SearchForm(props: { q: string; slug: string }) {
  return (
    <form method="get" action={homologationPath(props.slug)} role="search" class="inline-form">
      <label for="busca-homologacao">Buscar por nome ou CPF</label>
      <input id="busca-homologacao" name="q" type="search" value={props.q} maxlength={100} />
      <button type="submit">Buscar</button>
    </form>
  );
}

function StagedTable(props: { caption: string; fields: Array<{ key: string; label: string }>; rows: Array<{ line: number; data: Record<string, unknown> }> }) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">Linha no arquivo</th>
            {props.fields.map((f) => (
              <th scope="col">{f.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td class="num">{r.line}</td>
              {props.fields.map((f) => (
                <td>{shownValue(f.key, r.data[f.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type { VersionRow };
