import { type CoreServices, formatDateTime, type ScreenRouter } from '@painel/core/module';
import { csvBom, csvLine } from '../access-log/csv.ts';
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

function row(r: AccessLogRow): string {
  return csvLine([
    formatDateTime(r.at),
    r.agentName,
    r.agentEmail,
    r.screen,
    r.method,
    r.path,
    r.outcome === 'allowed' ? m('log.allowed') : m('log.denied'),
    r.reason ? refusalReasonLabel(r.reason) : '',
    r.status,
  ]);
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
    const encoder = new TextEncoder();
    let cursor: { at: Date; id: number } | undefined;
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvBom + csvLine(header)));
          return;
        }
        const rows = await requestTx(c, (tx) => accessLogBatch(tx, base, filter, cursor, batchSize));
        if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(row).join('')));
        const last = rows.at(-1);
        if (!last || rows.length < batchSize) {
          controller.close();
          return;
        }
        cursor = { at: last.at, id: last.id };
      },
    });
    const day = services.clock.now().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="acessos-suporte-base-${base.clinicId}-${day}.csv"`,
        'cache-control': 'no-store',
      },
    });
  });
}
