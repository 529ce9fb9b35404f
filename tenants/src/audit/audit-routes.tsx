import { type AppEnv, type CoreServices, csvResponse, localDate, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { findUserByEmail } from '../users/identity-lookup.ts';
import { requestAudit } from '../users/request-audit.ts';
import { auditCsvStream } from './audit-export.ts';
import { type AuditFilters, parseAuditFilters } from './audit-filters.ts';
import { AuditPage } from './audit-page.tsx';
import { auditBatch, auditWhere } from './audit-query.ts';

const pageSize = 50;
const meta = (screen: string) => ({ permission: 'tenants.audit', dataClass: 'personal', screen }) as const;

async function whereFor(services: CoreServices, filters: AuditFilters) {
  const who = filters.who.includes('@') ? await findUserByEmail(services, filters.who.toLowerCase()) : null;
  return auditWhere(filters, who?.id ?? null);
}

function readFilters(c: Context<AppEnv>) {
  return parseAuditFilters((name) => c.req.query(name));
}

export function auditRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/auditoria', meta('Auditoria'), async (c) => {
    const { filters, errors } = readFilters(c);
    const where = await whereFor(services, filters);
    const found = await c.get('tx')((tx) => auditBatch(tx, where, filters.before, pageSize + 1));
    const rows = found.slice(0, pageSize);
    return renderPage(c, {
      title: 'Auditoria',
      body: (
        <AuditPage filters={filters} errors={errors} rows={rows} hasNext={found.length > pageSize} showReseller={c.get('actor').user?.kind === 'platform_admin'} />
      ),
      status: errors.length > 0 ? 400 : 200,
    });
  });

  router.get('/auditoria/exportar.csv', meta('Exportação da auditoria'), async (c) => {
    const { filters, errors } = readFilters(c);
    if (errors.length > 0) {
      return renderPage(c, {
        title: 'Auditoria',
        body: <AuditPage filters={filters} errors={errors} rows={[]} hasNext={false} showReseller={false} />,
        status: 400,
      });
    }
    const where = await whereFor(services, { ...filters, before: null });
    const actor = c.get('actor');
    await services.audit.append({
      ...requestAudit(c),
      action: 'audit.export',
      resellerId: actor.user?.kind === 'reseller_admin' ? actor.user.resellerId : null,
      details: { who: filters.who || null, base: filters.base, action: filters.action || null, outcome: filters.outcome, from: filters.fromText || null, to: filters.toText || null },
    });
    const run = c.get('tx');
    const stamp = localDate(services.clock.now());
    return csvResponse(auditCsvStream(run, where), `auditoria-${stamp}.csv`);
  });
}
