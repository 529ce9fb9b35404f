/** "Bases clínicas": the list and search (a full page, or the results fragment htmx asks for). */
import { type CoreServices, type Db, isHtmx, renderPage, type ScreenRouter } from '@painel/core/module';
import { activeResellers, findResellerById } from '../resellers/reseller-store.ts';
import { clinicAdminOf } from './admin-scope.ts';
import { ClinicListPage, type ClinicListParams, ClinicResults, RESULTS_ID, readStatusParam } from './clinic-list-page.tsx';
import { CLINIC_PAGE_SIZE, chosenReseller, meta, resellerOption } from './clinic-route-kit.ts';
import { listClinics } from './clinic-store.ts';
import { parseClinicSearch } from './search-query.ts';

export function clinicListRoutes(router: ScreenRouter, _services: CoreServices): void {
  router.get('/bases', meta('Bases clínicas'), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const params: ClinicListParams = {
      q: (c.req.query('q') ?? '').slice(0, 100),
      status: readStatusParam(c.req.query('situacao')),
      singular: admin.kind === 'platform' ? (c.req.query('singular') ?? '').trim() : '',
    };
    const page = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    const list = (tx: Db, resellerId: number | null) =>
      listClinics(tx, {
        resellerId,
        search: parseClinicSearch(params.q),
        status: params.status,
        page: Number.isFinite(page) ? page : 1,
        pageSize: CLINIC_PAGE_SIZE,
      });
    // A singular's admin knows its singular up front: its row and the search go out together (one round trip).
    const [reseller, result] =
      admin.kind === 'reseller'
        ? await c.get('tx')((tx) => Promise.all([findResellerById(tx, admin.resellerId), list(tx, admin.resellerId)]))
        : await chosenReseller(c, admin, params.singular).then(async (r) => [r, await c.get('tx')((tx) => list(tx, r?.id ?? null))] as const);
    const showReseller = admin.kind === 'platform' && !reseller;
    const fragment = isHtmx(c) && c.req.header('hx-target') === RESULTS_ID && !c.req.header('hx-history-restore-request');
    c.header('Vary', 'HX-Request, HX-Target');
    if (fragment) return c.html(<ClinicResults result={result} params={params} showReseller={showReseller} />);
    const options = admin.kind === 'platform' ? (await c.get('tx')((tx) => activeResellers(tx))).map(resellerOption) : null;
    return renderPage(c, {
      title: 'Bases clínicas',
      body: (
        <ClinicListPage
          title="Bases clínicas"
          subtitle={reseller ? `${reseller.name} · id reseller ${reseller.code}` : 'Todas as singulares'}
          params={params}
          result={result}
          showReseller={showReseller}
          resellerOptions={options}
        />
      ),
    });
  });
}
