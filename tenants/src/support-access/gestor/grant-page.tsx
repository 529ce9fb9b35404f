import { type AppEnv, ErrorSummary, PageHeader, renderPage } from '@painel/core/module';
import type { Context } from 'hono';
import { parseLogFilter } from '../access-log/log-filter.ts';
import { accessLogPage, agentsInLog } from '../access-log/log-queries.ts';
import { requestTx } from '../db/request-tx.ts';
import type { BaseKey } from '../db/scopes.ts';
import { closeExpiredGrants } from '../grants/expiry.ts';
import { activeGrantOf, grantHistory } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';
import { requestsOfBase } from '../requests/request-queries.ts';
import { AccessLogSection } from './access-log-section.tsx';
import { ActiveGrantCard } from './active-grant-card.tsx';
import { type GrantFormErrors, type GrantFormValues, GrantForm } from './grant-form.tsx';
import { HistoryTable } from './history-table.tsx';
import { RequestsSection } from './requests-section.tsx';

export function activeBase(c: Context<AppEnv>): BaseKey & { name: string } {
  const base = c.get('actor').activeClinic!;
  return { resellerId: base.resellerId, clinicId: base.clinicId, name: base.name };
}

/** The "Acesso suporte" page: active grant, grant form, support requests, history and access log. */
export async function showGrantPage(
  c: Context<AppEnv>,
  form: { values?: GrantFormValues; errors?: GrantFormErrors; asking?: boolean; status?: 200 | 409 | 422 } = {},
): Promise<Response> {
  const services = c.get('services');
  const base = activeBase(c);
  const parsed = parseLogFilter(c.req.query());
  const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1));
  const now = services.clock.now();
  const data = await requestTx(c, async (tx) => {
    await closeExpiredGrants(tx, services, base);
    return {
      active: await activeGrantOf(tx, base, now),
      history: await grantHistory(tx, base),
      requests: await requestsOfBase(tx, base),
      log: await accessLogPage(tx, base, parsed.filter, page),
      agents: await agentsInLog(tx, base),
    };
  });
  const errors = form.errors ?? {};
  const summary = [errors.duration, errors.reason, errors.mode].filter((e): e is string => !!e);
  return renderPage(c, {
    title: m('grant.title'),
    status: form.status ?? 200,
    body: (
      <>
        <PageHeader title={m('grant.title')} subtitle={m('grant.subtitle', { base: base.name, id: base.clinicId })} />
        <ErrorSummary errors={summary} />
        <div class="sa-grid">
          <ActiveGrantCard grant={data.active} now={now} />
          <GrantForm active={data.active} values={form.values ?? { duration: '', reason: '' }} errors={errors} asking={form.asking ?? false} />
        </div>
        <RequestsSection requests={data.requests} active={data.active} now={now} />
        <HistoryTable events={data.history} />
        <AccessLogSection rows={data.log.rows} hasNext={data.log.hasNext} page={page} parsed={parsed} agents={data.agents} />
      </>
    ),
  });
}
