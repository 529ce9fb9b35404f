/** The lists: the base's tickets, the vendor queue, the singular's queue and the breach-risk list. */
import { EmptyState, PageHeader, Pagination, type PluginRouter, renderPage } from '@painel/core/plugin';
import { queueLabel } from '../domain/vocabulary.ts';
import { type Ctx, SettingsCache, type SupportContext, ticketTx } from '../http/request.ts';
import { P } from '../permissions.ts';
import { ListFilters, type ListQuery, queryString, readListQuery } from '../pages/filters.tsx';
import { TicketTable } from '../ui/ticket-table.tsx';
import { byTimeLeft, withSla } from '../tickets/sla-rows.ts';
import { awaitingFirstResponse, listTickets, type TicketFilter } from '../tickets/ticket-queries.ts';
import { SupportTabs } from '../ui/tabs.tsx';
import { AT_RISK_MS } from '../sla/compute-sla.ts';
import type { Queue } from '../domain/vocabulary.ts';

const personal = (permission: string, screen: string) => ({ permission, dataClass: 'personal', screen }) as const;

export function listRoutes(router: PluginRouter, ctx: SupportContext): void {
  /** Runs a filtered list and computes each row's SLA. */
  const loadList = async (c: Ctx, filter: TicketFilter) => {
    const { rows, hasNext } = await ticketTx(c, (tx) => listTickets(tx, filter));
    const cache = new SettingsCache(ctx);
    await cache.load(rows.map((r) => r.resellerId));
    const withSlaRows = await ticketTx(c, (tx) => withSla(tx, rows, cache, ctx.clock.now()));
    return { rows: withSlaRows, hasNext };
  };

  const listBody = (props: {
    path: string;
    extra?: Record<string, string>;
    query: ListQuery;
    rows: Awaited<ReturnType<typeof loadList>>;
    empty: string;
    showBase: boolean;
    showReseller?: boolean;
    caption: string;
  }) => (
    <>
      <ListFilters action={props.path} query={props.query} withPriority={true} hidden={props.extra ?? {}} />
      {props.rows.rows.length === 0 ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        <TicketTable rows={props.rows.rows} showBase={props.showBase} showReseller={props.showReseller ?? false} caption={props.caption} />
      )}
      <Pagination page={props.query.page} hasNext={props.rows.hasNext} makeHref={(p) => `${props.path}${queryString(props.query, p, props.extra)}`} />
    </>
  );

  router.get('/', { permission: 'authenticated', dataClass: 'general', screen: 'Suporte' }, (c) => {
    const kind = c.get('actor').user?.kind;
    const to =
      kind === 'support_agent' ? '/p/support/fila' : kind === 'reseller_admin' ? '/p/support/singular' : kind === 'platform_admin' ? '/p/support/indicadores' : '/p/support/chamados';
    return c.redirect(to, 303);
  });

  router.get('/chamados', personal(P.baseTickets, 'Chamados da base'), async (c) => {
    const base = c.get('actor').activeClinic!;
    // A support agent inside the base (grant) reads the list; tickets are opened by the clinic.
    const readOnly = c.get('actor').user?.kind === 'support_agent';
    const query = readListQuery((n) => c.req.query(n), undefined);
    const rows = await loadList(c, { resellerId: base.resellerId, clinicId: base.clinicId, status: query.status, priority: query.priority, q: query.q, page: query.page });
    return renderPage(c, {
      title: 'Chamados',
      body: (
        <>
          <PageHeader
            title="Chamados"
            subtitle={`Chamados de suporte da base ${base.name} (id ${base.clinicId}). Cada conversa é um chamado.`}
            actions={
              !readOnly && (
                <a href="/p/support/chamados/novo" role="button" data-testid="new-ticket">
                  Abrir chamado
                </a>
              )
            }
          />
          {listBody({ path: '/p/support/chamados', query, rows, empty: 'Nenhum chamado aberto nesta base. Precisa de ajuda? Clique em "Abrir chamado".', showBase: false, caption: 'Chamados desta base' })}
        </>
      ),
    });
  });

  router.get('/fila', personal(P.agent, 'Fila de suporte'), async (c) => {
    const query = readListQuery((n) => c.req.query(n), 'abertos');
    const rows = await loadList(c, { queue: 'vendor', status: query.status, priority: query.priority, q: query.q, page: query.page });
    return renderPage(c, {
      title: 'Fila de suporte',
      body: (
        <>
          <PageHeader title="Fila de suporte" subtitle="Chamados das singulares encaminhados ao suporte do fornecedor." />
          <SupportTabs current="fila" kind="agent" />
          {listBody({ path: '/p/support/fila', query, rows, empty: 'Nenhum chamado com estes filtros.', showBase: true, showReseller: true, caption: 'Fila de suporte' })}
        </>
      ),
    });
  });

  router.get('/singular', personal(P.team, 'Chamados da singular'), async (c) => {
    const user = c.get('actor').user!;
    const resellerId = user.resellerId!;
    const settings = await ctx.settings(resellerId);
    const query = readListQuery((n) => c.req.query(n), 'abertos');
    // The singular's own queue when its team answers tickets; otherwise every ticket of its bases.
    const fila = c.req.query('fila');
    const onlyTeam = fila === 'singular' || (fila !== 'todos' && settings.ownSupportTeam);
    const rows = await loadList(c, {
      resellerId,
      queue: onlyTeam ? 'reseller' : undefined,
      status: query.status,
      priority: query.priority,
      q: query.q,
      page: query.page,
    });
    const path = '/p/support/singular';
    return renderPage(c, {
      title: onlyTeam ? 'Fila da singular' : 'Chamados da singular',
      body: (
        <>
          <PageHeader
            title={onlyTeam ? 'Fila da singular' : 'Chamados da singular'}
            subtitle={
              settings.ownSupportTeam
                ? 'Sua equipe de suporte atende os chamados das bases desta singular.'
                : 'Os chamados das suas bases vão para o suporte do fornecedor. Acompanhe-os aqui.'
            }
          />
          <SupportTabs current={onlyTeam ? 'singular' : 'todos'} kind="team" />
          {!settings.ownSupportTeam && onlyTeam && (
            <p class="flash flash-info">
              A equipe própria de suporte está desligada: novos chamados vão para o {queueLabel.vendor.toLowerCase()}.{' '}
              <a href="/p/support/configuracoes">Ligar em Configurações do suporte</a>.
            </p>
          )}
          {listBody({
            path,
            extra: { fila: onlyTeam ? 'singular' : 'todos' },
            query,
            rows,
            empty: onlyTeam ? 'Nenhum chamado na fila da singular com estes filtros.' : 'Nenhum chamado com estes filtros.',
            showBase: true,
            caption: 'Chamados da singular',
          })}
        </>
      ),
    });
  });

  router.get('/risco', personal(P.queue, 'Risco de violação'), async (c) => {
    const user = c.get('actor').user!;
    const queue: Queue = user.kind === 'support_agent' ? 'vendor' : 'reseller';
    const resellerId = user.kind === 'reseller_admin' ? user.resellerId! : undefined;
    const waiting = await ticketTx(c, (tx) => awaitingFirstResponse(tx, { queue, resellerId }));
    const cache = new SettingsCache(ctx);
    await cache.load(waiting.map((t) => t.resellerId));
    const rows = (await ticketTx(c, (tx) => withSla(tx, waiting, cache, ctx.clock.now()))).sort(byTimeLeft);
    const breached = rows.filter((r) => r.sla.outcome === 'breached').length;
    const atRisk = rows.filter((r) => r.sla.outcome === 'running' && r.sla.remainingMs < AT_RISK_MS).length;
    return renderPage(c, {
      title: 'Risco de violação',
      body: (
        <>
          <PageHeader
            title="Risco de violação"
            subtitle="Chamados aguardando a primeira resposta, do menor para o maior tempo útil restante. Pausados (aguardando cliente) no fim."
          />
          <SupportTabs current="risco" kind={user.kind === 'support_agent' ? 'agent' : 'team'} />
          <div class="grid-cards sup-stats">
            <div class="stat">
              <span class="muted">Aguardando 1ª resposta</span>
              <strong data-testid="waiting-count">{rows.length}</strong>
            </div>
            <div class="stat sup-stat-danger">
              <span class="muted">Violados</span>
              <strong data-testid="breached-count">{breached}</strong>
            </div>
            <div class="stat sup-stat-warn">
              <span class="muted">Menos de 1 hora útil</span>
              <strong data-testid="risk-count">{atRisk}</strong>
            </div>
          </div>
          {rows.length === 0 ? (
            <EmptyState>Nenhum chamado aguardando a primeira resposta. Tudo em dia!</EmptyState>
          ) : (
            <TicketTable rows={rows.slice(0, 200)} showBase={true} showReseller={queue === 'vendor'} caption="Chamados por tempo restante" />
          )}
        </>
      ),
    });
  });
}
