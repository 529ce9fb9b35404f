/** Indicators: per singular (its admins) or across singulares (platform admins, support agents), with CSV. */
import { type Actor, csvResponse, formatDateTime, localDate, type PluginRouter, renderPage, toCsv } from '@painel/core/plugin';
import { categoryLabel, moduleLabel, priorityLabel, queueLabel, statusLabel } from '../domain/vocabulary.ts';
import { type Ctx, SettingsCache, type SupportContext, ticketTx } from '../http/request.ts';
import { hoursPtBr } from '../indicators/hours.ts';
import { loadIndicatorTickets, slaOfOpened } from '../indicators/indicator-data.ts';
import { IndicatorsPage } from '../indicators/indicators-page.tsx';
import { readPeriod } from '../indicators/period.ts';
import { computeIndicators } from '../indicators/stats.ts';
import { P } from '../permissions.ts';

const numberParam = (v: string | undefined): number | undefined => (v && /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : undefined);

const outcomeLabel = { running: 'no prazo (aguardando)', paused: 'pausado', breached: 'violado', met: 'cumprido', missed: 'não cumprido', stopped: 'encerrado sem resposta' } as const;

export function indicatorRoutes(router: PluginRouter, ctx: SupportContext): void {
  const load = async (c: Ctx) => {
    const actor: Actor = c.get('actor');
    const now = ctx.clock.now();
    const { period, problem } = readPeriod((n) => c.req.query(n), now);
    const own = actor.user?.kind === 'reseller_admin' ? actor.user.resellerId! : undefined;
    const resellerId = own ?? numberParam(c.req.query('singular'));
    const clinicId = numberParam(c.req.query('base'));
    const { opened, backlog, resellers } = await ticketTx(c, (tx) => loadIndicatorTickets(tx, period, { resellerId, clinicId }));
    const cache = new SettingsCache(ctx);
    await cache.load(opened.map((t) => t.resellerId));
    const rows = await ticketTx(c, (tx) => slaOfOpened(tx, opened, cache, now));
    const unique = [...new Map(resellers.map((r) => [r.id, r])).values()];
    return { period, problem, rows, backlog, resellers: own === undefined ? unique : null, resellerId, clinicId, now };
  };

  router.get('/indicadores', { permission: P.indicators, dataClass: 'general', screen: 'Indicadores de suporte' }, async (c) => {
    const d = await load(c);
    const kind = c.get('actor').user!.kind;
    const ind = computeIndicators({ from: d.period.from, to: d.period.to }, d.rows, d.backlog);
    const csv = new URL(c.req.url);
    const scopeLabel =
      kind === 'reseller_admin'
        ? (c.get('actor').activeClinic?.resellerName ?? d.rows[0]?.ticket.resellerName ?? 'Sua singular')
        : kind === 'support_agent'
          ? `Fila do suporte · ${d.resellerId !== undefined ? (d.resellers?.find((r) => r.id === d.resellerId)?.name ?? 'singular') : 'todas as singulares'}`
          : d.resellerId !== undefined
            ? (d.resellers?.find((r) => r.id === d.resellerId)?.name ?? 'Singular')
            : 'Todas as singulares';
    return renderPage(c, {
      title: 'Indicadores de suporte',
      body: (
        <IndicatorsPage
          period={d.period}
          problem={d.problem}
          ind={ind}
          resellers={d.resellers}
          resellerId={d.resellerId}
          clinicId={d.clinicId}
          tabs={kind === 'support_agent' ? 'agent' : kind === 'reseller_admin' ? 'team' : null}
          scopeLabel={d.clinicId !== undefined ? `${scopeLabel} · base ${d.clinicId}` : scopeLabel}
          csvHref={`/p/support/indicadores/csv${csv.search}`}
          today={localDate(d.now)}
        />
      ),
    });
  });

  router.get('/indicadores/csv', { permission: P.indicators, dataClass: 'personal', screen: 'Exportar indicadores de suporte' }, async (c) => {
    const d = await load(c);
    const header = [
      'chamado',
      'assunto',
      'aberto_em',
      'singular',
      'id_base',
      'base',
      'categoria',
      'modulo',
      'prioridade',
      'situacao',
      'atendimento',
      'primeira_resposta_em',
      'primeira_resposta_horas_uteis',
      'meta_horas_uteis',
      'sla',
    ];
    const rows = d.rows.map(({ ticket: t, sla }) => [
      t.id,
      t.subject,
      formatDateTime(t.openedAt),
      t.resellerName,
      t.clinicId,
      t.clinicName,
      categoryLabel[t.category],
      moduleLabel[t.module],
      t.priority ? priorityLabel[t.priority] : 'Sem triagem (média)',
      statusLabel[t.status],
      queueLabel[t.queue],
      sla.respondedAt ? formatDateTime(sla.respondedAt) : '',
      sla.respondedAt ? hoursPtBr(sla.elapsedMs) : '',
      sla.targetMs / 3_600_000,
      outcomeLabel[sla.outcome],
    ]);
    const name = `indicadores-suporte_${d.period.from}_${d.period.to}.csv`;
    return csvResponse(toCsv(header, rows), name);
  });
}
