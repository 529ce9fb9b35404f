import { type AppEnv, type CoreServices, HttpError, isHtmx, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { field } from '../users/params.ts';
import { requestAudit } from '../users/request-audit.ts';
import { reachableBase, reachableBases } from './reachable-bases.ts';
import { pathAfterSwitch, returnPathFrom, safeReturnPath } from './return-path.ts';
import { SwitchPage, type SwitchPageProps, SwitchResults } from './switch-page.tsx';

const meta = { permission: 'tenants.switch-clinic', dataClass: 'general', screen: 'Alterar Clínica' } as const;

const isAdmin = (c: Context<AppEnv>) => {
  const kind = c.get('actor').user?.kind;
  return kind === 'reseller_admin' || kind === 'platform_admin';
};

export function clinicSwitcherRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/alterar-clinica', meta, async (c) => {
    const actor = c.get('actor');
    const q = (c.req.query('q') ?? '').trim().slice(0, 100);
    const pageParam = Number(c.req.query('pagina') ?? '1');
    const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
    const back = returnPathFrom(c.req.query('voltar'), c.req.header('referer'), new URL(c.req.url).origin);
    const { rows, hasNext } = await c.get('tx')((tx) => reachableBases(tx, actor, q, page));
    const props: SwitchPageProps = {
      current: actor.activeClinic,
      rows,
      hasNext,
      q,
      page,
      back,
      showReseller: actor.user?.kind === 'platform_admin',
      showLocation: isAdmin(c),
      canLeave: isAdmin(c),
    };
    if (isHtmx(c)) return c.html(<SwitchResults {...props} />);
    return renderPage(c, { title: 'Alterar Clínica', body: <SwitchPage {...props} /> });
  });

  router.post('/alterar-clinica', meta, async (c) => {
    const actor = c.get('actor');
    const body = await c.req.parseBody();
    const raw = field(body, 'base').trim();
    if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404);
    const target = await c.get('tx')((tx) => reachableBase(tx, actor, Number(raw)));
    if (!target || !actor.sessionId) throw new HttpError(404);
    const from = actor.activeClinic;
    await services.sessions.update(actor.sessionId, { activeResellerId: target.resellerId, activeClinicId: target.id });
    await services.audit.append({
      ...requestAudit(c),
      action: 'clinic.switch',
      resellerId: target.resellerId,
      clinicId: target.id,
      target: `base ${target.id}`,
      details: { from: from ? { resellerId: from.resellerId, clinicId: from.clinicId } : null },
    });
    await c.get('flash')(`Você está agora na base ${target.name} (id ${target.id}).`, 'success');
    return c.redirect(pathAfterSwitch(safeReturnPath(field(body, 'voltar')) ?? '/'), 303);
  });

  router.post('/alterar-clinica/sair', meta, async (c) => {
    const actor = c.get('actor');
    if (!isAdmin(c) || !actor.sessionId) throw new HttpError(404);
    const from = actor.activeClinic;
    await services.sessions.update(actor.sessionId, { activeResellerId: null, activeClinicId: null });
    await services.audit.append({
      ...requestAudit(c),
      action: 'clinic.leave',
      resellerId: from?.resellerId ?? actor.user?.resellerId ?? null,
      clinicId: from?.clinicId ?? null,
      target: from ? `base ${from.clinicId}` : null,
    });
    await c.get('flash')('Você saiu da base. Escolha uma base quando precisar trabalhar em uma.', 'info');
    return c.redirect('/alterar-clinica', 303);
  });
}
