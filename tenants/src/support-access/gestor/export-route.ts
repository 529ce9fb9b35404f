import { type CoreServices, csvResponse, csvStream, type Db, formatDateTime, keysetPages, localDate, type ScreenRouter } from '@painel/core/module';
import { parseLogFilter } from '../access-log/log-filter.ts';
import { type AccessLogRow, accessLogBatch } from '../access-log/log-queries.ts';
import { refusalReasonLabel } from '../access-log/reason-label.ts';
import { requestTx } from '../db/request-tx.ts';
import { m } from '../messages.ts';
import { actingUser } from '../grants/audit-context.ts';
import { activeBase } from './grant-page.tsx';
import { gestorMeta } from './grant-routes.tsx';

const header = ['Data e hora (Brasília)', 'Atendente', 'E-mail do atendente', 'Tela', 'Método', 'Caminho', 'Resultado', 'Motivo da recusa', 'Status HTTP'];
const batchSize = 1000;

function row(r: AccessLogRow) {
  return [
    formatDateTime(r.at),
    r.agentName,
    r.agentEmail,
    r.screen,
    r.method,
    r.path,
    r.outcome === 'allowed' ? m('log.allowed') : m('log.denied'),
    r.reason ? refusalReasonLabel(r.reason) : '',
    r.status,
  ];
}

/** The base's access log as CSV (`;`, UTF-8 BOM), streamed in keyset batches; same filters as the screen. */
export function exportRoute(router: ScreenRouter, services: CoreServices): void {
  router.get('/acesso-suporte/acessos.csv', { ...gestorMeta, screen: 'Exportar acessos do suporte' }, async (c) => {
    const base = activeBase(c);
    const { filter } = parseLogFilter(c.req.query());
    const by = actingUser(c);
    await services.audit.append({
      action: 'support.access_log.exported',
      actorUserId: by.userId,
      actorEmail: by.email,
      resellerId: base.resellerId,
      clinicId: base.clinicId,
      ip: by.ip,
      requestId: by.requestId,
      details: {
        from: filter.from?.toISOString() ?? null,
        until: filter.until?.toISOString() ?? null,
        agentUserId: filter.agentUserId,
        outcome: filter.outcome,
      },
    });
    const pages = keysetPages({
      run: <T,>(fn: (tx: Db) => Promise<T>) => requestTx(c, fn),
      page: (tx: Db, cursor: { at: Date; id: number } | null, limit) => accessLogBatch(tx, base, filter, cursor ?? undefined, limit),
      keyOf: (r: AccessLogRow) => ({ at: r.at, id: r.id }),
      pageSize: batchSize,
    });
    const day = localDate(services.clock.now());
    return csvResponse(csvStream(header, pages, row), `acessos-suporte-base-${base.clinicId}-${day}.csv`);
  });
}
