/** Routes of "Singulares" (platform.admin): list, create, rename, deactivate/reactivate — never delete. */
import { type AppEnv, type CoreServices, HttpError, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { formText } from '../clinics/admin-ui.tsx';
import { auditChange } from '../clinics/request-audit.ts';
import { checkResellerName, type ResellerFormErrors, readResellerForm } from './reseller-form.ts';
import { EditResellerPage, NewResellerPage, ResellerListPage, ResellerStatusPage } from './reseller-pages.tsx';
import {
  countClinicsOf,
  findResellerByCode,
  insertReseller,
  listResellers,
  type Reseller,
  renameReseller,
  setResellerStatus,
} from './reseller-store.ts';

export const RESELLER_PAGE_SIZE = 50;

type Ctx = Context<AppEnv>;

const meta = (screen: string) => ({ permission: 'platform.admin', dataClass: 'general', screen }) as const;

async function resellerFromUrl(c: Ctx): Promise<Reseller> {
  const reseller = await c.get('tx')((tx) => findResellerByCode(tx, c.req.param('code') ?? ''));
  if (!reseller) throw new HttpError(404);
  return reseller;
}

export function registerResellerRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/singulares', meta('Singulares'), async (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const page = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    const result = await c.get('tx')((tx) =>
      listResellers(tx, { search: q, page: Number.isFinite(page) ? page : 1, pageSize: RESELLER_PAGE_SIZE }),
    );
    return renderPage(c, { title: 'Singulares', body: <ResellerListPage result={result} q={q} /> });
  });

  router.get('/singulares/nova', meta('Nova singular'), (c) =>
    renderPage(c, { title: 'Nova singular', body: <NewResellerPage values={{}} errors={{}} /> }),
  );

  router.post('/singulares', { ...meta('Nova singular'), maxBodyBytes: 16 * 1024 }, async (c) => {
    const body = await c.req.parseBody();
    const input = { code: formText(body, 'code'), name: formText(body, 'name') };
    const { value, errors } = readResellerForm(input);
    const render = (errs: ResellerFormErrors) =>
      renderPage(c, { title: 'Nova singular', status: 422, body: <NewResellerPage values={input} errors={errs} /> });
    if (Object.keys(errors).length > 0) return render(errors);
    const created = await c.get('tx')(async (tx) => {
      const reseller = await insertReseller(tx, value);
      if (reseller) {
        await auditChange(services, c, tx, {
          action: 'reseller.create',
          resellerId: reseller.id,
          target: `singular ${reseller.code}`,
          details: { code: reseller.code, name: reseller.name },
        });
      }
      return reseller;
    });
    if (!created) return render({ code: `O id reseller ${value.code} já está em uso por outra singular.` });
    await c.get('flash')(`Singular “${created.name}” (${created.code}) criada.`, 'success');
    return c.redirect(`/singulares/${created.code}`, 303);
  });

  const renderEdit = async (c: Ctx, reseller: Reseller, name: string, errors: ResellerFormErrors, status: 200 | 422) => {
    const counts = await c.get('tx')((tx) => countClinicsOf(tx, reseller.id));
    return renderPage(c, {
      title: reseller.name,
      status,
      body: <EditResellerPage reseller={reseller} counts={counts} values={{ code: reseller.code, name }} errors={errors} />,
    });
  };

  router.get('/singulares/:code{[0-9]+}', meta('Editar singular'), async (c) => {
    const reseller = await resellerFromUrl(c);
    return renderEdit(c, reseller, reseller.name, {}, 200);
  });

  router.post('/singulares/:code{[0-9]+}', { ...meta('Editar singular'), maxBodyBytes: 16 * 1024 }, async (c) => {
    const reseller = await resellerFromUrl(c);
    const input = formText(await c.req.parseBody(), 'name');
    const { name, error } = checkResellerName(input);
    if (error) return renderEdit(c, reseller, input, { name: error }, 422);
    if (name === reseller.name) {
      await c.get('flash')('Nenhuma alteração para salvar.', 'info');
      return c.redirect(`/singulares/${reseller.code}`, 303);
    }
    await c.get('tx')(async (tx) => {
      if (!(await renameReseller(tx, reseller.id, name))) throw new HttpError(404);
      await auditChange(services, c, tx, {
        action: 'reseller.update',
        resellerId: reseller.id,
        target: `singular ${reseller.code}`,
        details: { changes: { name: { de: reseller.name, para: name } } },
      });
    });
    await c.get('flash')(`Singular renomeada para “${name}”.`, 'success');
    return c.redirect('/singulares', 303);
  });

  for (const action of ['desativar', 'reativar'] as const) {
    const screen = action === 'desativar' ? 'Desativar singular' : 'Reativar singular';
    const status = action === 'desativar' ? 'inactive' : 'active';

    router.get(`/singulares/:code{[0-9]+}/${action}`, meta(screen), async (c) => {
      const reseller = await resellerFromUrl(c);
      if (reseller.status === status) return c.redirect(`/singulares/${reseller.code}`, 303);
      const counts = await c.get('tx')((tx) => countClinicsOf(tx, reseller.id));
      return renderPage(c, { title: screen, body: <ResellerStatusPage reseller={reseller} counts={counts} action={action} /> });
    });

    router.post(`/singulares/:code{[0-9]+}/${action}`, { ...meta(screen), maxBodyBytes: 4 * 1024 }, async (c) => {
      const reseller = await resellerFromUrl(c);
      if (reseller.status === status) {
        await c.get('flash')(`A singular já está ${status === 'active' ? 'ativa' : 'inativa'}.`, 'info');
        return c.redirect(`/singulares/${reseller.code}`, 303);
      }
      await c.get('tx')(async (tx) => {
        if (!(await setResellerStatus(tx, reseller.id, status))) throw new HttpError(404);
        await auditChange(services, c, tx, {
          action: status === 'active' ? 'reseller.reactivate' : 'reseller.deactivate',
          resellerId: reseller.id,
          target: `singular ${reseller.code}`,
          details: { name: reseller.name },
        });
      });
      await c.get('flash')(`Singular “${reseller.name}” ${status === 'active' ? 'reativada' : 'desativada'}.`, 'success');
      return c.redirect('/singulares', 303);
    });
  }
}
