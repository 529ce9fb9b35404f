/**
 * The support plugin ("Suporte", SPEC §7, seed 001): tickets opened inside a clinic base, a
 * first-response SLA in business hours derived from each ticket's event log, routing to the vendor's
 * queue or the singular's own team, the IT team's bug/improvement board, indicators with charts and
 * CSV, and the support-access grant from a ticket. Built only on @painel/core/plugin, core's plugin API.
 */
import { fileURLToPath } from 'node:url';
import { definePlugin } from '@painel/core/plugin';
import './domain/audit-labels.ts';
import { seedSupportDemo } from './demo/demo-seed.ts';
import { noteGrantOnTickets } from './grants/grant-events.ts';
import { autoCloseResolved } from './jobs/auto-close.ts';
import { purgeExpiredAttachments } from './jobs/purge-attachments.ts';
import { P, permissionRules } from './permissions.ts';
import { attachmentRoutes } from './routes/attachment-routes.ts';
import { boardRoutes } from './routes/board-routes.tsx';
import { indicatorRoutes } from './routes/indicator-routes.tsx';
import { listRoutes } from './routes/list-routes.tsx';
import { newTicketRoutes } from './routes/new-ticket-routes.tsx';
import { settingsRoutes } from './routes/settings-routes.tsx';
import { ticketActionRoutes } from './routes/ticket-action-routes.tsx';
import { ticketRoutes } from './routes/ticket-routes.tsx';
import { supportSettings } from './settings/settings-schema.ts';

export default definePlugin({
  id: 'support',
  version: '1.0.0',
  displayName: 'Suporte',
  description: 'Chamados das bases clínicas com SLA em horas úteis, fila da singular, quadro de bugs e melhorias e indicadores.',
  requires: { core: '^1.0.0' },
  migrations: { folder: fileURLToPath(new URL('../migrations', import.meta.url)) },
  settings: supportSettings,
  register(r) {
    for (const [name, rule] of permissionRules) r.permission(name, rule);
    r.routes((router, ctx) => {
      listRoutes(router, ctx);
      newTicketRoutes(router, ctx); // '/chamados/novo' before '/chamados/:id'
      ticketRoutes(router, ctx);
      ticketActionRoutes(router, ctx);
      attachmentRoutes(router, ctx);
      boardRoutes(router, ctx);
      indicatorRoutes(router, ctx);
      settingsRoutes(router, ctx);
    });
    r.nav({ label: 'Chamados', path: '/chamados', permission: P.baseTickets, section: 'clinic', order: 40 });
    r.nav({ label: 'Fila de suporte', path: '/fila', permission: P.agent, section: 'main', order: 10 });
    r.nav({ label: 'Risco de violação', path: '/risco', permission: P.agent, section: 'main', order: 11 });
    r.nav({ label: 'Chamados da singular', path: '/singular', permission: P.team, section: 'admin', order: 40 });
    r.nav({ label: 'Quadro de bugs e melhorias', path: '/quadro', permission: P.team, section: 'admin', order: 41 });
    r.nav({ label: 'Indicadores de suporte', path: '/indicadores', permission: P.indicators, section: 'admin', order: 42 });
    r.nav({ label: 'Configurações do suporte', path: '/configuracoes', permission: P.team, section: 'admin', order: 43 });
    r.on('grant.started', (payload, ctx) => noteGrantOnTickets(ctx, 'grant_started', payload));
    r.on('grant.ended', (payload, ctx) => noteGrantOnTickets(ctx, 'grant_ended', payload));
    r.job('auto-close', { everyMinutes: 60 }, async (ctx) => {
      await autoCloseResolved(ctx);
    });
    // Nightly, Brasília time; the purge is idempotent, so a failed night is retried.
    r.job(
      'purge-attachments',
      { dailyAt: '02:30', timeZone: 'America/Sao_Paulo' },
      async (ctx) => {
        await purgeExpiredAttachments(ctx);
      },
      { retries: 2, backoffMs: 5 * 60_000 },
    );
  },
  async start(ctx) {
    await seedSupportDemo(ctx);
  },
});
