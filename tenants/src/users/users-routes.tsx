import { type AppEnv, type CoreServices, type Db, HttpError, isHtmx, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { areaClinicsByIds, searchAreaClinics } from './area-clinic-search.ts';
import { BasePickerOptions } from './base-picker.tsx';
import { baseIds, field, idParam } from './params.ts';
import { isMembershipRole } from './roles.tsx';
import { readableAreaOf, type UserArea, userAreaOf } from './user-area.ts';
import { addMembership, changeRole, removeMembership, setUserActive, type ActionResult } from './user-actions.ts';
import { UserDetailPage } from './user-detail-page.tsx';
import { UsersListPage, UsersResults } from './users-list-page.tsx';
import { areaMemberships, latestInvitation, listUsers, loadManagedUser, type UserFilters, userStatuses } from './users-queries.ts';

export const usersMeta = (screen: string) => ({ permission: 'tenants.users', dataClass: 'personal', screen }) as const;
/** The read-only screens (list and user page), which a support agent inside a granted base also reads. */
const usersReadMeta = (screen: string) => ({ permission: 'tenants.users.read', dataClass: 'personal', screen }) as const;

export function areaOr403(c: Context<AppEnv>): UserArea {
  const area = userAreaOf(c.get('actor'));
  if (!area) throw new HttpError(403);
  return area;
}

function readableAreaOr403(c: Context<AppEnv>): UserArea {
  const area = readableAreaOf(c.get('actor'));
  if (!area) throw new HttpError(403);
  return area;
}

function areaLabel(area: UserArea): string {
  if (area.kind === 'clinic') return `Pessoas com acesso à base ${area.clinicName} (id ${area.clinicId}).`;
  return 'Pessoas com acesso às bases da sua singular e os administradores da singular.';
}

function readFilters(c: Context<AppEnv>): UserFilters {
  const status = c.req.query('situacao');
  const base = (c.req.query('base') ?? '').trim();
  const page = Number(c.req.query('pagina') ?? '1');
  return {
    q: (c.req.query('q') ?? '').trim().slice(0, 200),
    status: (userStatuses as readonly string[]).includes(status ?? '') ? (status as UserFilters['status']) : null,
    base: /^\d{1,9}$/.test(base) ? Number(base) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

async function finish(c: Context<AppEnv>, userId: number, result: ActionResult): Promise<Response> {
  await c.get('flash')(result.message, result.ok ? 'success' : 'error');
  return c.redirect(`/usuarios/${userId}`, 303);
}

export function userRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/usuarios', usersReadMeta('Usuários'), async (c) => {
    const area = readableAreaOr403(c);
    const filters = readFilters(c);
    const { rows, hasNext } = await c.get('tx')((tx) => listUsers(tx, area, filters));
    if (isHtmx(c)) return c.html(<UsersResults rows={rows} hasNext={hasNext} filters={filters} area={area} />);
    return renderPage(c, {
      title: 'Usuários',
      body: <UsersListPage area={area} areaLabel={areaLabel(area)} filters={filters} rows={rows} hasNext={hasNext} />,
    });
  });

  // The base picker's options (htmx live search inside the invite, add-access and multi-clinic forms).
  router.get('/usuarios/bases', usersMeta('Busca de bases'), async (c) => {
    const area = areaOr403(c);
    const name = c.req.query('campo') === 'bases' ? 'bases' : 'base';
    const multiple = c.req.query('multiplas') === '1';
    const q = (c.req.query('buscaBase') ?? '').trim().slice(0, 100);
    // Giving one user another base: leave out the bases that user already has.
    const forUser = /^\d{1,9}$/.test(c.req.query('usuario') ?? '') ? Number(c.req.query('usuario')) : null;
    const { results, selected } = await c.get('tx')(async (tx) => ({
      results: await searchAreaClinics(tx, area, q, { exclude: forUser === null ? [] : await heldBaseIds(tx, area, forUser) }),
      selected: await areaClinicsByIds(tx, area, baseIds(c.req.queries(name)).slice(0, 1000)),
    }));
    return c.html(<BasePickerOptions name={name} multiple={multiple} q={q} results={results} selected={multiple ? selected : selected.slice(0, 1)} />);
  });

  router.get('/usuarios/:id{[0-9]+}', usersReadMeta('Usuário'), async (c) => {
    const area = readableAreaOr403(c);
    const userId = idParam(c.req.param('id'));
    const q = (c.req.query('buscaBase') ?? '').trim().slice(0, 100);
    const data = await c.get('tx')(async (tx) => {
      const user = await loadManagedUser(tx, area, userId);
      if (!user) return null;
      const memberships = await areaMemberships(tx, area, [userId]);
      return {
        user,
        memberships,
        invitation: await latestInvitation(tx, area, userId),
        results: area.kind === 'reseller' ? await searchAreaClinics(tx, area, q, { exclude: memberships.map((m) => m.clinicId) }) : [],
        selected: area.kind === 'reseller' ? await areaClinicsByIds(tx, area, baseIds(c.req.queries('base')).slice(0, 1)) : [],
      };
    });
    if (!data) throw new HttpError(404);
    return renderPage(c, {
      title: data.user.name,
      body: (
        <UserDetailPage
          area={area}
          user={data.user}
          memberships={data.memberships}
          invitation={data.invitation}
          isSelf={c.get('actor').user?.id === userId}
          now={services.clock.now()}
          picker={{ q, results: data.results, selected: data.selected }}
        />
      ),
    });
  });

  router.post('/usuarios/:id{[0-9]+}/vinculos', usersMeta('Usuário'), async (c) => {
    const area = areaOr403(c);
    const userId = idParam(c.req.param('id'));
    const body = await c.req.parseBody();
    const role = field(body, 'perfil');
    const [clinicId] = baseIds([field(body, 'base')]);
    if (area.kind !== 'reseller') throw new HttpError(404);
    if (clinicId === undefined) return finish(c, userId, { ok: false, message: 'Escolha a base que a pessoa vai acessar.' });
    if (!isMembershipRole(role)) return finish(c, userId, { ok: false, message: 'Escolha um perfil válido.' });
    return finish(c, userId, await addMembership(c, services, area, userId, clinicId, role));
  });

  router.post('/usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/perfil', usersMeta('Usuário'), async (c) => {
    const area = areaOr403(c);
    const userId = idParam(c.req.param('id'));
    const clinicId = idParam(c.req.param('base'));
    const role = field(await c.req.parseBody(), 'perfil');
    if (!isMembershipRole(role)) return finish(c, userId, { ok: false, message: 'Escolha um perfil válido.' });
    return finish(c, userId, await changeRole(c, services, area, userId, clinicId, role));
  });

  router.post('/usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/remover', usersMeta('Usuário'), async (c) => {
    const area = areaOr403(c);
    const userId = idParam(c.req.param('id'));
    const result = await removeMembership(c, services, area, userId, idParam(c.req.param('base')));
    const stillHere = await c.get('tx')((tx) => loadManagedUser(tx, area, userId));
    if (stillHere) return finish(c, userId, result);
    await c.get('flash')(result.message, result.ok ? 'success' : 'error');
    return c.redirect('/usuarios', 303);
  });

  router.post('/usuarios/:id{[0-9]+}/desativar', usersMeta('Usuário'), async (c) => {
    const userId = idParam(c.req.param('id'));
    return finish(c, userId, await setUserActive(c, services, areaOr403(c), userId, false));
  });

  router.post('/usuarios/:id{[0-9]+}/reativar', usersMeta('Usuário'), async (c) => {
    const userId = idParam(c.req.param('id'));
    return finish(c, userId, await setUserActive(c, services, areaOr403(c), userId, true));
  });
}

/** The bases of the area where this user already has a role. */
async function heldBaseIds(tx: Db, area: UserArea, userId: number): Promise<number[]> {
  return (await areaMemberships(tx, area, [userId])).map((m) => m.clinicId);
}
