import { addLocalDays, DateInput, formatBusinessDuration, formatDate, formatNumber, PageHeader } from '@painel/core/plugin';
import { firstResponseHours } from '../domain/vocabulary.ts';
import { SupportTabs } from '../ui/tabs.tsx';
import { ColumnChart, HBarChart } from './charts.tsx';
import type { Period } from './period.ts';
import type { Indicators } from './stats.ts';

export interface IndicatorsView {
  period: Period;
  problem: string | null;
  ind: Indicators;
  /** Singulares to filter by (platform admins and agents); null for a singular's admin. */
  resellers: { id: number; name: string }[] | null;
  resellerId: number | undefined;
  clinicId: number | undefined;
  tabs: 'agent' | 'team' | null;
  scopeLabel: string;
  csvHref: string;
  today: string;
}

const slaTone = (pct: number | null) => (pct === null ? 'sup-bar-muted' : pct >= 90 ? '' : pct >= 70 ? 'sup-bar-warn' : 'sup-bar-danger');

function Filters(v: IndicatorsView) {
  const presets = [7, 30, 90].map((d) => ({ d, from: addLocalDays(v.today, -(d - 1)) }));
  const keep = (from: string) => {
    const p = new URLSearchParams({ de: from, ate: v.today });
    if (v.resellerId !== undefined && v.resellers) p.set('singular', String(v.resellerId));
    if (v.clinicId !== undefined) p.set('base', String(v.clinicId));
    return `/p/support/indicadores?${p}`;
  };
  return (
    <form method="get" action="/p/support/indicadores" class="card sup-ind-filters" aria-label="Filtros dos indicadores">
      <div class="sup-filter-row">
        <label>
          De
          <DateInput name="de" value={v.period.from} required />
        </label>
        <label>
          Até
          <DateInput name="ate" value={v.period.to} required />
        </label>
        {v.resellers && (
          <label>
            Singular
            <select name="singular">
              <option value="">Todas</option>
              {v.resellers.map((r) => (
                <option value={String(r.id)} selected={r.id === v.resellerId}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Id da base
          <input type="text" name="base" inputmode="numeric" pattern="[0-9]*" maxlength={15} value={v.clinicId !== undefined ? String(v.clinicId) : ''} placeholder="Todas" />
        </label>
        <button type="submit">Aplicar</button>
      </div>
      <p class="small sup-presets">
        Atalhos:{' '}
        {presets.map((p, i) => (
          <>
            {i > 0 && ' · '}
            <a href={keep(p.from)}>últimos {p.d} dias</a>
          </>
        ))}
      </p>
    </form>
  );
}

export function IndicatorsPage(v: IndicatorsView) {
  const { ind } = v;
  const period = `${formatDate(v.period.start)} a ${formatDate(new Date(v.period.end.getTime() - 1))}`;
  return (
    <>
      <PageHeader
        title="Indicadores de suporte"
        subtitle={`${v.scopeLabel} · chamados abertos de ${period}`}
        actions={
          <a href={v.csvHref} role="button" class="secondary outline" data-testid="csv-export" download>
            Exportar CSV
          </a>
        }
      />
      {v.tabs && <SupportTabs current="indicadores" kind={v.tabs} />}
      {v.problem && <p class="flash flash-info">{v.problem}</p>}
      <Filters {...v} />
      <div class="grid-cards sup-stats" data-testid="indicator-stats">
        <div class="stat">
          <span class="muted">Chamados no período</span>
          <strong>{formatNumber(ind.total)}</strong>
        </div>
        <div class="stat">
          <span class="muted">1ª resposta · mediana</span>
          <strong>{ind.firstResponse.medianMs === null ? '—' : formatBusinessDuration(ind.firstResponse.medianMs)}</strong>
          <small class="muted">em horas úteis · {formatNumber(ind.firstResponse.answered)} respondidos</small>
        </div>
        <div class="stat">
          <span class="muted">1ª resposta · p90</span>
          <strong>{ind.firstResponse.p90Ms === null ? '—' : formatBusinessDuration(ind.firstResponse.p90Ms)}</strong>
          <small class="muted">90% respondidos até este tempo útil</small>
        </div>
        <div class="stat">
          <span class="muted">SLA cumprido</span>
          <strong data-testid="sla-overall">{ind.slaOverall.pct === null ? '—' : `${ind.slaOverall.pct.toLocaleString('pt-BR')}%`}</strong>
          <small class="muted">
            {formatNumber(ind.slaOverall.met)} no prazo · {formatNumber(ind.slaOverall.missed)} fora
          </small>
        </div>
        <div class="stat">
          <span class="muted">Backlog (em aberto agora)</span>
          <strong>{formatNumber(ind.backlog.total)}</strong>
          <small class="muted">{ind.backlog.byStatus.map((s) => `${s.label}: ${s.count}`).join(' · ')}</small>
        </div>
      </div>
      {ind.total === 0 ? (
        <p class="empty-state">Nenhum chamado aberto neste período com estes filtros.</p>
      ) : (
        <div class="sup-charts">
          <section class="card sup-chart-card sup-chart-wide">
            <ColumnChart
              id="volume-tempo"
              title={`Chamados abertos por ${ind.overTime[0]?.bucket === 'semana' ? 'semana' : 'dia'}`}
              items={ind.overTime.map((b) => ({ label: b.label, value: b.count }))}
              labelHeader={ind.overTime[0]?.bucket === 'semana' ? 'Semana' : 'Dia'}
              valueHeader="Chamados"
            />
          </section>
          <section class="card sup-chart-card">
            <HBarChart
              id="sla-prioridade"
              title="SLA de primeira resposta cumprido, por prioridade"
              max={100}
              items={ind.sla.map((s) => ({
                label: `${s.label} (${firstResponseHours[s.priority]} h úteis)`,
                value: s.pct ?? 0,
                display: s.pct === null ? 'sem dados' : `${s.pct.toLocaleString('pt-BR')}% (${s.met}/${s.met + s.missed})`,
                tone: slaTone(s.pct),
              }))}
              labelHeader="Prioridade"
              valueHeader="Cumprido"
            />
            <p class="small muted">
              No prazo ÷ (no prazo + fora do prazo + violados ainda sem resposta). Chamados ainda dentro do prazo não entram. Sem triagem
              contam como média.
            </p>
          </section>
          <section class="card sup-chart-card">
            <HBarChart id="volume-modulo" title="Volume por módulo" items={ind.byModule.map((m) => ({ label: m.label, value: m.count }))} labelHeader="Módulo" valueHeader="Chamados" />
          </section>
          <section class="card sup-chart-card">
            <HBarChart id="volume-categoria" title="Volume por categoria" items={ind.byCategory.map((m) => ({ label: m.label, value: m.count }))} labelHeader="Categoria" valueHeader="Chamados" />
          </section>
          <section class="card sup-chart-card">
            <HBarChart id="volume-base" title="Volume por base clínica" items={ind.byBase.map((m) => ({ label: m.label, value: m.count }))} labelHeader="Base" valueHeader="Chamados" />
          </section>
        </div>
      )}
    </>
  );
}
