/**
 * Administrators of a singular: the platform invites a new singular's first admin(s) from the
 * singular's page; a singular's admin invites other admins of its own singular (from /usuarios). Another
 * singular's page answers 404, by the policy module and by row-level security.
 */
import { type AppEnv, type CoreServices, HttpError, reaches, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { normalizeEmail } from '../parsing/index.ts';
import { findResellerByCode, findResellerById, type Reseller } from '../resellers/reseller-store.ts';
import { field } from '../users/params.ts';
import { type AdminFormErrors, type AdminFormValues, type AdminsBack, ResellerAdminsPage } from './admin-pages.tsx';
import { inviteResellerAdmin, resellerAdmins } from './invite-admin.ts';

type Ctx = Context<AppEnv>;

const meta = { permission: 'reseller.manage', dataClass: 'personal', screen: 'Administradores da singular' } as const;

async function resellerFromUrl(c: Ctx): Promise<Reseller> {
  const reseller = await c.get('tx')((tx) => findResellerByCode(tx, c.req.param('code') ?? ''));
  if (!reseller || !reaches(c.get('actor'), { resellerId: reseller.id })) throw new HttpError(404);
  return reseller;
}

function backOf(c: Ctx, reseller: Reseller): AdminsBack {
  return c.get('actor').user?.kind === 'platform_admin' ? { href: `/singulares/${reseller.code}`, label: reseller.name } : { href: '/usuarios', label: 'Usuários' };
}

async function render(
  c: Ctx,
  reseller: Reseller,
  values: AdminFormValues,
  errors: AdminFormErrors,
  status: 200 | 400,
  done?: Parameters<typeof ResellerAdminsPage>[0]['done'],
): Promise<Response> {
  const admins = await c.get('tx')((tx) => resellerAdmins(tx, reseller.id));
  return renderPage(c, {
    title: 'Administradores da singular',
    status,
    body: <ResellerAdminsPage reseller={reseller} admins={admins} values={values} errors={errors} back={backOf(c, reseller)} done={done} />,
  });
}

export function resellerAdminRoutes(router: ScreenRouter, services: CoreServices): void {
  // From /usuarios: a singular's admin goes to its own singular's page.
  router.get('/usuarios/administradores', { ...meta, permission: 'reseller.admin' }, async (c) => {
    const resellerId = c.get('actor').user?.resellerId;
    const reseller = resellerId ? await c.get('tx')((tx) => findResellerById(tx, resellerId)) : null;
    if (!reseller) throw new HttpError(404);
    return c.redirect(`/singulares/${reseller.code}/administradores`, 303);
  });

  router.get('/singulares/:code{[0-9]+}/administradores', meta, async (c) => {
    return render(c, await resellerFromUrl(c), { name: '', email: '' }, {}, 200);
  });

  router.post('/singulares/:code{[0-9]+}/administradores', { ...meta, maxBodyBytes: 16 * 1024 }, async (c) => {
    const reseller = await resellerFromUrl(c);
    const body = await c.req.parseBody();
    const values = { name: field(body, 'nome').trim().slice(0, 120), email: field(body, 'email').trim().slice(0, 254) };
    const email = normalizeEmail(values.email);
    const errors: AdminFormErrors = {};
    if (values.name.length < 2) errors.name = 'Informe o nome completo da pessoa.';
    if (!email) errors.email = values.email ? `“${values.email}” não é um e-mail válido.` : 'Informe o e-mail que a pessoa vai usar para entrar.';
    if (!email || Object.keys(errors).length > 0) return render(c, reseller, values, errors, 400);
    const result = await inviteResellerAdmin(c, services, reseller, { name: values.name, email });
    if (!result.ok) return render(c, reseller, { ...values, email }, { [result.field]: result.message }, 400);
    return render(c, reseller, { name: '', email: '' }, {}, 200, { name: values.name, email, invitation: result.invitation });
  });
}
