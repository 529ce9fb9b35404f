import { EmptyState, PageHeader } from '../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { pluginBasePath, pluginSchemaName } from '../define-plugin.ts';
import type { JobView, PluginSummary } from './plugin-admin-data.ts';
import type { PluginHealth } from '../hosted-plugin.ts';

export function HealthBadge({ health }: { health: PluginHealth }) {
  switch (health.state) {
    case 'started':
      return <span class="badge badge-ok">Em funcionamento</span>;
    case 'failed':
      return <span class="badge badge-danger">Falhou ao iniciar</span>;
    case 'stopped':
      return <span class="badge badge-muted">Parado</span>;
    default:
      return <span class="badge badge-warn">Iniciando</span>;
  }
}

function MigrationsBadge({ summary }: { summary: PluginSummary }) {
  const m = summary.migrations;
  if (!m) return <span class="badge badge-muted">Sem tabelas próprias</span>;
  const label = `${m.applied} de ${m.expected} ${m.expected === 1 ? 'migração aplicada' : 'migrações aplicadas'}`;
  return <span class={`badge ${m.applied === m.expected ? 'badge-ok' : 'badge-warn'}`}>{label}</span>;
}

function JobStatus({ job }: { job: JobView }) {
  if (!job.lastStatus) return <span class="badge badge-muted">Ainda não executada</span>;
  if (job.lastStatus === 'running') return <span class="badge badge-info">Em execução</span>;
  if (job.lastStatus === 'ok') return <span class="badge badge-ok">Concluída</span>;
  return (
    <span class="badge badge-danger" title={job.lastError ?? undefined}>
      Falhou
    </span>
  );
}

function JobsTable({ jobs }: { jobs: JobView[] }) {
  if (jobs.length === 0) return <p class="muted small">Nenhuma tarefa periódica.</p>;
  return (
    <div class="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Tarefa periódica</th>
            <th scope="col">Frequência</th>
            <th scope="col">Última execução</th>
            <th scope="col">Situação</th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr data-testid={`job-${job.name}`}>
              <td class="mono">{job.name}</td>
              <td>{job.frequency}</td>
              <td>
                {job.lastStartedAt ? formatDateTime(job.lastStartedAt) : '—'}
                {job.runs > 0 && (
                  <small class="muted">
                    {' '}
                    · {formatNumber(job.runs)} {job.runs === 1 ? 'execução' : 'execuções'}
                  </small>
                )}
              </td>
              <td>
                <JobStatus job={job} />
                {job.lastStatus === 'failed' && job.lastError && <small class="field-error plugin-error">{job.lastError}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PluginCard({ summary, coreVersion }: { summary: PluginSummary; coreVersion: string }) {
  const { definition, declarations, health } = summary.plugin;
  const enabledCount = summary.resellersTotal - summary.resellersDisabled;
  const events = [...new Set(declarations.events.map((e) => e.event))];
  return (
    <section class="card plugin-card" data-testid={`plugin-${definition.id}`} aria-labelledby={`plugin-${definition.id}-title`}>
      <div class="plugin-card-head">
        <div>
          <h2 id={`plugin-${definition.id}-title`}>{definition.displayName}</h2>
          {definition.description && <p class="muted">{definition.description}</p>}
        </div>
        <div class="plugin-badges">
          <span class="badge badge-info">versão {definition.version}</span>
          <HealthBadge health={health} />
        </div>
      </div>
      {health.state === 'failed' && (
        <div class="flash flash-error" role="alert">
          start() falhou em {formatDateTime(health.since)}: <span class="mono">{health.error}</span>. As páginas, o menu, os
          eventos e as tarefas deste plugin ficam desligados até o próximo reinício.
        </div>
      )}
      <dl class="plugin-facts">
        <div>
          <dt>Identificador</dt>
          <dd>
            <span class="mono">{definition.id}</span> · páginas em <span class="mono">{pluginBasePath(definition.id)}</span>
          </dd>
        </div>
        <div>
          <dt>Compatibilidade</dt>
          <dd>
            exige core <span class="mono">{definition.requires.core}</span> · este core é {coreVersion}
          </dd>
        </div>
        <div>
          <dt>Banco de dados</dt>
          <dd>
            {summary.migrations && (
              <>
                esquema <span class="mono">{pluginSchemaName(definition.id)}</span>{' '}
              </>
            )}
            <MigrationsBadge summary={summary} />
          </dd>
        </div>
        <div>
          <dt>Singulares</dt>
          <dd data-testid="enabled-count">
            ligado em {formatNumber(enabledCount)} de {formatNumber(summary.resellersTotal)}
            {summary.resellersDisabled > 0 && (
              <span class="badge badge-warn plugin-off-count">desligado em {formatNumber(summary.resellersDisabled)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Eventos</dt>
          <dd>{events.length ? events.map((e) => <span class="badge badge-muted plugin-event">{e}</span>) : 'nenhum'}</dd>
        </div>
      </dl>
      <JobsTable jobs={summary.jobs} />
      <p class="plugin-card-actions">
        <a href={`/plataforma/plugins/${definition.id}`} role="button" class="secondary">
          Gerenciar singulares
        </a>
      </p>
    </section>
  );
}

export function PluginsPage({ summaries, coreVersion }: { summaries: PluginSummary[]; coreVersion: string }) {
  return (
    <>
      <PageHeader
        title="Plugins"
        subtitle={`Módulos instalados neste servidor (core ${coreVersion}): versão, banco de dados, funcionamento e em quais singulares estão ligados.`}
      />
      {summaries.length === 0 ? (
        <EmptyState>
          Nenhum plugin instalado. Liste os pacotes na variável <span class="mono">PLUGINS</span> (por exemplo{' '}
          <span class="mono">PLUGINS=@painel/support</span>) e reinicie o painel.
        </EmptyState>
      ) : (
        summaries.map((s) => <PluginCard summary={s} coreVersion={coreVersion} />)
      )}
      <p class="muted small">
        Um plugin vem ligado para todas as singulares; desligado para uma singular, ele some do menu dos usuários dela e
        suas páginas respondem "página não encontrada". Os dados do plugin são mantidos.
      </p>
    </>
  );
}
