import {
  type AppEnv,
  type CoreServices,
  csvResponse,
  EmptyState,
  formatNumber,
  HttpError,
  PageHeader,
  plural,
  renderPage,
  type ScreenRouter,
  toCsv,
} from '@painel/core/module';
import type { Context } from 'hono';
import { DEFAULT_TRACK_NAME } from '../panel/load-panel.ts';
import { percent } from '../panel/panel-state.ts';
import { latestPublishedVersion } from '../tracks/publication-store.ts';
import { platformTrack, type TrackRef, trackSlug } from '../tracks/track-ref.ts';
import { getVersion, listTracks } from '../tracks/version-store.ts';
import { type TrackAnalytics, trackAnalytics } from './analytics-query.ts';
import { BarChart } from './bar-chart.tsx';

const meta = { permission: 'reseller.admin', dataClass: 'general', screen: 'Análise dos conteúdos' } as const;
const BASES_SHOWN = 100;

interface Selection {
  resellerId: number;
  options: { slug: string; name: string }[];
  slug: string;
  name: string;
  version: number | null;
  data: TrackAnalytics | null;
}

async function analyse(c: Context<AppEnv>, services: CoreServices): Promise<Selection> {
  const resellerId = c.get('actor').user?.resellerId;
  if (!resellerId) throw new HttpError(403, 'Área restrita aos administradores da singular.');
  return analyseFor(c, services, resellerId);
}

/** The chosen track (`?trilha=`) of a reseller and its analytics, over the bases the request's scope sees. */
export async function analyseFor(c: Context<AppEnv>, services: CoreServices, resellerId: number): Promise<Selection> {
  return c.get('tx')(async (tx) => {
    const tracks = await listTracks(tx, resellerId);
    const options = [...tracks.map((t) => ({ slug: String(t.id), name: t.name })), { slug: 'padrao', name: DEFAULT_TRACK_NAME }];
    const wanted = c.req.query('trilha') ?? options[0]!.slug;
    const chosen = options.find((o) => o.slug === wanted);
    if (!chosen) throw new HttpError(404);
    const ref: TrackRef = chosen.slug === 'padrao' ? platformTrack : { owner: 'reseller', resellerId, trackId: Number(chosen.slug) };
    const version = await latestPublishedVersion(tx, ref);
    const record = version === null ? null : await getVersion(tx, ref, version);
    const data = record ? await trackAnalytics(services.db, tx, { resellerId, ref, track: record.track }) : null;
    return { resellerId, options, slug: trackSlug(ref), name: chosen.name, version, data };
  });
}

export function analyticsRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/conteudos/analise', meta, async (c) => {
    const s = await analyse(c, services);
    const csv = (tipo: string) => `/conteudos/analise/csv?trilha=${encodeURIComponent(s.slug)}&tipo=${tipo}`;
    return renderPage(c, {
      title: 'Análise dos conteúdos',
      body: (
        <>
          <PageHeader
            title="Análise dos conteúdos"
            subtitle="Quanto os usuários das suas clínicas avançam em cada trilha, e onde param."
            actions={
              s.data && (
                <>
                  <a href={csv('tarefas')} role="button" class="secondary outline" data-testid="csv-tasks">
                    Exportar tarefas (CSV)
                  </a>
                  <a href={csv('bases')} role="button" class="secondary outline">
                    Exportar bases (CSV)
                  </a>
                </>
              )
            }
          />
          <TrackPicker action="/conteudos/analise" options={s.options} slug={s.slug} />
          {!s.data ? (
            <EmptyState>Esta trilha ainda não foi publicada: não há dados de progresso.</EmptyState>
          ) : (
            <AnalyticsBody name={s.name} version={s.version!} data={s.data} />
          )}
        </>
      ),
    });
  });

  router.get('/conteudos/analise/csv', meta, async (c) => {
    const s = await analyse(c, services);
    if (!s.data) throw new HttpError(404);
    const tipo = c.req.query('tipo') === 'bases' ? 'bases' : 'tarefas';
    const body =
      tipo === 'tarefas'
        ? toCsv(
            ['ordem', 'conquista', 'tarefa', 'concluiram', 'concluiram_pct', 'chegaram_ate_aqui_em_ordem', 'chegaram_pct', 'usuarios'],
            s.data.tasks.map((t) => [
              t.ord,
              t.achievement,
              t.title,
              t.completed,
              percent(t.completed, s.data!.population),
              t.reachedInOrder,
              percent(t.reachedInOrder, s.data!.population),
              s.data!.population,
            ]),
          )
        : toCsv(
            ['id_da_base', 'base', 'usuarios', 'concluiram_tudo', 'progresso_medio_pct'],
            s.data.bases.map((b) => [b.clinicId, b.name, b.users, b.finished, percent(b.doneTasks, b.users * s.data!.tasks.length)]),
          );
    const file = `analise-${tipo}-${s.slug}-v${s.version}.csv`;
    return csvResponse(body, file);
  });
}

export function AnalyticsBody({ name, version, data }: { name: string; version: number; data: TrackAnalytics }) {
  const totalTasks = data.tasks.length;
  const doneAll = data.tasks.reduce((s, t) => s + t.completed, 0);
  const avg = percent(doneAll, data.population * totalTasks);
  const worst = [...data.tasks].map((t, i) => ({ t, lost: (i === 0 ? data.population : data.tasks[i - 1]!.reachedInOrder) - t.reachedInOrder }));
  const biggest = worst.sort((a, b) => b.lost - a.lost)[0];
  return (
    <>
      <div class="grid-cards">
        <div class="stat">
          <strong data-testid="population">{formatNumber(data.population)}</strong>
          usuários com a trilha (contados por base)
        </div>
        <div class="stat">
          <strong>{formatNumber(data.finished)}</strong>
          concluíram tudo ({percent(data.finished, data.population)}%)
        </div>
        <div class="stat">
          <strong>{avg}%</strong>
          das tarefas concluídas, em média
        </div>
      </div>
      {data.population === 0 ? (
        <EmptyState>Nenhum usuário de clínica nas bases onde esta trilha está publicada.</EmptyState>
      ) : (
        <>
          <section class="card" aria-labelledby="onde-param">
            <h2 id="onde-param" class="card-title">Onde os usuários param</h2>
            <p class="muted small">
              Versão {version} de “{name}”. Barra escura: usuários que concluíram todas as tarefas até esta, em ordem. Barra clara:
              concluíram esta tarefa, em qualquer ordem.
              {biggest && biggest.lost > 0
                ? ` A maior perda está em “${biggest.t.title}”: ${plural(biggest.lost, { one: 'usuário para', other: 'usuários param' })} aí.`
                : ''}
            </p>
            <BarChart
              id="grafico-queda"
              title={`Até onde os usuários chegam em “${name}”`}
              description={`Para cada uma das ${totalTasks} tarefas, quantos dos ${data.population} usuários concluíram todas as tarefas até ela.`}
              total={data.population}
              bars={data.tasks.map((t) => ({ label: `${t.ord}. ${t.title}`, value: t.reachedInOrder, background: t.completed }))}
            />
          </section>
          <section class="plain" aria-labelledby="por-tarefa">
            <h2 id="por-tarefa" class="section-title">
              Por tarefa
            </h2>
            <div class="table-wrap">
              <table data-testid="tasks-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Conquista</th>
                    <th scope="col">Tarefa</th>
                    <th scope="col" class="num">
                      Concluíram
                    </th>
                    <th scope="col" class="num">
                      Chegaram até aqui
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.tasks.map((t) => (
                    <tr data-testid="task-row">
                      <td>{t.ord}</td>
                      <td>{t.achievement}</td>
                      <td>{t.title}</td>
                      <td class="num">
                        {formatNumber(t.completed)} <span class="muted">({percent(t.completed, data.population)}%)</span>
                      </td>
                      <td class="num">
                        {formatNumber(t.reachedInOrder)} <span class="muted">({percent(t.reachedInOrder, data.population)}%)</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section class="plain" aria-labelledby="por-base">
            <h2 id="por-base" class="section-title">
              Por base
            </h2>
            {data.bases.length > BASES_SHOWN && (
              <p class="muted small">
                Mostrando {BASES_SHOWN} de {formatNumber(data.bases.length)} bases. Exporte o CSV para ver todas.
              </p>
            )}
            <div class="table-wrap">
              <table data-testid="bases-table" class="bases-table">
                <thead>
                  <tr>
                    <th scope="col">Base</th>
                    <th scope="col" class="num">
                      Usuários
                    </th>
                    <th scope="col" class="num">
                      Concluíram tudo
                    </th>
                    <th scope="col">Progresso médio</th>
                  </tr>
                </thead>
                <tbody>
                  {data.bases.slice(0, BASES_SHOWN).map((b) => {
                    const p = percent(b.doneTasks, b.users * totalTasks);
                    return (
                      <tr>
                        <td>
                          {b.name} <span class="muted">· id {b.clinicId}</span>
                        </td>
                        <td class="num">{formatNumber(b.users)}</td>
                        <td class="num">{formatNumber(b.finished)}</td>
                        <td>
                          <progress value={p} max={100} aria-label={`Progresso médio de ${b.name}: ${p}%`}>
                            {p}%
                          </progress>{' '}
                          {p}%
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}

/** The "Trilha" picker above a progress report (the singular's analysis, one base's progress). */
export function TrackPicker(props: { action: string; options: { slug: string; name: string }[]; slug: string }) {
  return (
    <form method="get" action={props.action} class="search-form">
      <label for="f-trilha">
        Trilha
        <select id="f-trilha" name="trilha">
          {props.options.map((o) => (
            <option value={o.slug} selected={o.slug === props.slug}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        Ver
      </button>
    </form>
  );
}
