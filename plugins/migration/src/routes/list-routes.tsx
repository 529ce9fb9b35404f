import { EmptyState, PageHeader, type PluginRouter, plural, renderPage } from '@painel/core/plugin';
import { isOverdue } from '../domain/lifecycle.ts';
import { isFinal } from '../domain/states.ts';
import type { Env } from '../http/request.ts';
import { isGestorOfActive, P } from '../permissions.ts';
import { listRequests } from '../store/request-store.ts';
import { urgencyOf } from '../ui/deadline.tsx';
import { RequestTable } from '../ui/request-table.tsx';

const VIEWS = { andamento: 'Em andamento', atrasadas: 'Atrasadas', encerradas: 'Encerradas e canceladas', todas: 'Todas' } as const;
type View = keyof typeof VIEWS;

/** The requests list (each audience sees its scope's rows) and the risk view. */
export function listRoutes(router: PluginRouter, { ctx }: Env): void {
  router.get('/solicitacoes', { permission: P.requests, dataClass: 'personal', screen: 'Migração de dados' }, async (c) => {
    const actor = c.get('actor');
    const kind = actor.user!.kind;
    const now = ctx.clock.now();
    const raw = c.req.query('ver') ?? 'andamento';
    const view: View = raw in VIEWS ? (raw as View) : 'andamento';
    // A gestor, or anyone inside a base, follows that base's requests; the others their whole scope.
    const inBase = kind === 'clinic_user' || kind === 'support_agent' ? actor.activeClinic?.clinicId : undefined;
    const all = await c.get('tx')((tx) => listRequests(tx, { clinicId: inBase }));
    const rows = all.filter((r) =>
      view === 'andamento' ? !isFinal(r.state) : view === 'atrasadas' ? isOverdue(r, now) : view === 'encerradas' ? isFinal(r.state) : true,
    );
    const overdue = all.filter((r) => isOverdue(r, now)).length;
    const canOpen = kind === 'reseller_admin' || (isGestorOfActive(actor) && !actor.supportGrant);
    const base = actor.activeClinic;
    return renderPage(c, {
      title: 'Migração de dados',
      body: (
        <>
          <PageHeader
            title="Migração de dados"
            subtitle={
              kind === 'migration_team'
                ? 'Todas as solicitações das singulares, o prazo mais próximo primeiro.'
                : kind === 'reseller_admin'
                  ? 'As solicitações das bases da sua singular.'
                  : base
                    ? `Base ${base.name} · id da base ${base.clinicId}`
                    : undefined
            }
            actions={canOpen ? <a href="/p/migration/solicitacoes/nova" role="button">Solicitar migração</a> : undefined}
          />
          {overdue > 0 && (
            <p class="flash flash-error" data-testid="overdue-summary">
              {plural(overdue, { one: 'solicitação atrasada', other: 'solicitações atrasadas' })}: <a href="/p/migration/solicitacoes?ver=atrasadas">ver</a>
            </p>
          )}
          <nav class="page-nav" aria-label="Filtrar solicitações">
            {Object.entries(VIEWS).map(([key, label]) => (
              <a href={`/p/migration/solicitacoes?ver=${key}`} aria-current={key === view ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
          {rows.length === 0 ? (
            <EmptyState>Nenhuma solicitação de migração {view === 'todas' ? 'ainda' : 'nesta visão'}.</EmptyState>
          ) : (
            <RequestTable rows={rows} now={now} showReseller={kind === 'migration_team' || kind === 'platform_admin'} caption="Solicitações de migração" />
          )}
        </>
      ),
    });
  });

  router.get('/risco', { permission: P.risk, dataClass: 'personal', screen: 'Risco de atraso na migração' }, async (c) => {
    const kind = c.get('actor').user!.kind;
    const now = ctx.clock.now();
    const open = await c.get('tx')((tx) => listRequests(tx, { openOnly: true }));
    const late = open.filter((r) => urgencyOf(r, now) === 'atrasada');
    const soon = open.filter((r) => urgencyOf(r, now) === 'vence-em-breve');
    const showReseller = kind === 'migration_team';
    return renderPage(c, {
      title: 'Risco de atraso na migração',
      body: (
        <>
          <PageHeader title="Risco de atraso na migração" subtitle="Solicitações com o prazo vencido ou vencendo nas próximas 24 horas." />
          <div class="grid-cards">
            <div class="stat" data-testid="risk-late">
              <strong>{late.length}</strong> atrasadas
            </div>
            <div class="stat" data-testid="risk-soon">
              <strong>{soon.length}</strong> vencem em 24 horas
            </div>
            <div class="stat">
              <strong>{open.length}</strong> em andamento
            </div>
          </div>
          <h2 class="section-title">Atrasadas</h2>
          {late.length === 0 ? <EmptyState>Nenhuma solicitação atrasada.</EmptyState> : <RequestTable rows={late} now={now} showReseller={showReseller} caption="Solicitações atrasadas" />}
          <h2 class="section-title">Vencem nas próximas 24 horas</h2>
          {soon.length === 0 ? <EmptyState>Nenhuma solicitação vence nas próximas 24 horas.</EmptyState> : <RequestTable rows={soon} now={now} showReseller={showReseller} caption="Solicitações que vencem em breve" />}
        </>
      ),
    });
  });
}
