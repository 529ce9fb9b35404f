/** Routes of "Bases clínicas" (reseller.manage): list/search, create, edit, deactivate/reactivate. */
import { type AppEnv, type CoreServices, type Db, HttpError, isHtmx, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { formatCnpj } from '../parsing/index.ts';
import { activeResellers, findResellerByCode, findResellerById, type Reseller } from '../resellers/reseller-store.ts';
import { type ClinicAdmin, clinicAdminOf, ownResellerId } from './admin-scope.ts';
import { formText, type SelectOption, urlWith } from './admin-ui.tsx';
import { type ClinicFormErrors, type ClinicFormInput, hasErrors, readClinicForm, wantsGeneratedId } from './clinic-form.ts';
import { ClinicStatusPage, EditClinicPage, NewClinicPage } from './clinic-form-page.tsx';
import { findTakenKeys, highestBaseId } from './clinic-keys.ts';
import { ClinicListPage, type ClinicListParams, ClinicResults, listHref, RESULTS_ID, readStatusParam } from './clinic-list-page.tsx';
import {
  type ClinicFields,
  type ClinicListRow,
  findClinic,
  insertClinic,
  listClinics,
  setClinicStatus,
  updateClinic,
} from './clinic-store.ts';
import { auditChange, auditDenied } from './request-audit.ts';
import { parseClinicSearch } from './search-query.ts';

export const CLINIC_PAGE_SIZE = 50;
const GENERATED_ID_ATTEMPTS = 20;

type Ctx = Context<AppEnv>;

const meta = (screen: string) => ({ permission: 'reseller.manage', dataClass: 'general', screen }) as const;

function resellerOption(r: Pick<Reseller, 'code' | 'name'>): SelectOption {
  return { value: r.code, label: `${r.name} (${r.code})` };
}

/** The base id in the URL, or 404 for anything that is not one. */
function baseIdParam(c: Ctx): number {
  const text = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(text)) throw new HttpError(404);
  return Number(text);
}

/** The singular chosen with `?singular=` (platform admins); null = all. Unknown code → 404. */
async function chosenReseller(c: Ctx, admin: ClinicAdmin, code: string): Promise<Reseller | null> {
  return c.get('tx')(async (tx) => {
    if (admin.kind === 'reseller') return findResellerById(tx, admin.resellerId);
    if (code === '') return null;
    const reseller = await findResellerByCode(tx, code);
    if (!reseller) throw new HttpError(404);
    return reseller;
  });
}

/** A base the actor manages, else an audited 404 (no difference between "another singular's" and "none"). */
async function managedClinic(services: CoreServices, c: Ctx, admin: ClinicAdmin, id: number): Promise<ClinicListRow> {
  const clinic = await c.get('tx')((tx) => findClinic(tx, id, ownResellerId(admin)));
  if (!clinic) {
    await auditDenied(services, c, { baseId: id });
    throw new HttpError(404);
  }
  return clinic;
}

function clinicFields(value: ReturnType<typeof readClinicForm>['value']): ClinicFields {
  return { name: value.name, cnpj: value.cnpj, city: value.city, uf: value.uf };
}

function formInput(body: Record<string, unknown>): ClinicFormInput {
  return {
    name: formText(body, 'name'),
    baseId: formText(body, 'baseId'),
    cnpj: formText(body, 'cnpj'),
    city: formText(body, 'city'),
    uf: formText(body, 'uf'),
  };
}

function clinicInput(clinic: ClinicListRow): ClinicFormInput {
  return { name: clinic.name, cnpj: clinic.cnpj ? formatCnpj(clinic.cnpj) : '', city: clinic.city ?? '', uf: clinic.uf ?? '' };
}

const takenIdMessage = (id: number) => `O id da base ${id} já está em uso. Escolha outro ou deixe em branco para gerar um.`;
const takenCnpjMessage = 'Este CNPJ já está cadastrado em outra base clínica.';

/** Where to go after a change: the list, filtered to the base (and its singular, for platform admins). */
function afterChangeHref(admin: ClinicAdmin, clinic: { id: number; resellerCode: string }): string {
  return listHref({ q: String(clinic.id), status: 'all', singular: admin.kind === 'platform' ? clinic.resellerCode : '' });
}

export function registerClinicRoutes(router: ScreenRouter, services: CoreServices): void {
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

  const renderNew = async (c: Ctx, admin: ClinicAdmin, values: ClinicFormInput & { singular?: string }, errors: ClinicFormErrors, status: 200 | 422) => {
    const own = admin.kind === 'reseller' ? await c.get('tx')((tx) => findResellerById(tx, admin.resellerId)) : null;
    const options = admin.kind === 'platform' ? (await c.get('tx')((tx) => activeResellers(tx))).map(resellerOption) : null;
    const nextId = admin.kind === 'platform' ? (await highestBaseId(services.db)) + 1 : null;
    return renderPage(c, {
      title: 'Nova base clínica',
      status,
      body: (
        <NewClinicPage
          values={values}
          errors={errors}
          nextId={nextId}
          resellerOptions={options}
          resellerLabel={own ? `${own.name} · id reseller ${own.code}` : null}
          cancelHref={urlWith('/bases', { singular: values.singular })}
          importHref={urlWith('/bases/importar', { singular: values.singular })}
        />
      ),
    });
  };

  router.get('/bases/nova', meta('Nova base clínica'), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const singular = admin.kind === 'platform' ? (c.req.query('singular') ?? '') : '';
    return renderNew(c, admin, { singular }, {}, 200);
  });

  router.post('/bases', { ...meta('Nova base clínica'), maxBodyBytes: 32 * 1024 }, async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const body = await c.req.parseBody();
    const input = formInput(body);
    const singular = admin.kind === 'platform' ? formText(body, 'singular').trim() : '';
    const { value, errors } = readClinicForm(input);
    let reseller: Reseller | null;
    if (admin.kind === 'reseller') {
      reseller = await c.get('tx')((tx) => findResellerById(tx, admin.resellerId));
    } else {
      reseller = singular === '' ? null : await c.get('tx')((tx) => findResellerByCode(tx, singular));
      if (!reseller) errors.singular = singular === '' ? 'Escolha a singular da nova base.' : 'Singular não encontrada.';
    }
    if (reseller && reseller.status !== 'active') {
      errors[admin.kind === 'platform' ? 'singular' : 'form'] = 'Esta singular está inativa; reative-a antes de criar bases.';
    }
    // Valid keys are checked even when another field has an error: every problem shows at once.
    const taken = await findTakenKeys(services.db, {
      ids: value.baseId === null ? [] : [value.baseId],
      cnpjs: value.cnpj === null ? [] : [value.cnpj],
    });
    if (value.baseId !== null && taken.ids.has(value.baseId)) errors.baseId = takenIdMessage(value.baseId);
    if (value.cnpj !== null && taken.cnpjs.has(value.cnpj)) errors.cnpj = takenCnpjMessage;
    if (hasErrors(errors) || !reseller) return renderNew(c, admin, { ...input, singular }, errors, 422);
    const target = reseller;
    const generated = wantsGeneratedId(input);
    const firstId = value.baseId ?? (await highestBaseId(services.db)) + 1;
    const createdId = await c.get('tx')(async (tx) => {
      const attempts = generated ? GENERATED_ID_ATTEMPTS : 1;
      for (let i = 0; i < attempts; i += 1) {
        const id = firstId + i;
        if (await insertClinic(tx, { resellerId: target.id, id, ...clinicFields(value) })) {
          await auditChange(services, c, tx, {
            action: 'clinic.create',
            resellerId: target.id,
            clinicId: id,
            target: `base ${id}`,
            details: { name: value.name, cnpj: value.cnpj, city: value.city, uf: value.uf, generatedId: generated },
          });
          return id;
        }
      }
      return null;
    });
    if (createdId === null) {
      const message = generated ? 'Não foi possível reservar um id livre agora. Tente novamente.' : takenIdMessage(firstId);
      return renderNew(c, admin, { ...input, singular }, generated ? { form: message } : { baseId: message }, 422);
    }
    await services.events.emit('clinic.created', {
      resellerId: target.id,
      clinicId: createdId,
      name: value.name,
      actorUserId: c.get('actor').user?.id ?? null,
      at: services.clock.now(),
    });
    await c.get('flash')(`Base “${value.name}” criada com o id ${createdId}.`, 'success');
    return c.redirect(afterChangeHref(admin, { id: createdId, resellerCode: target.code }), 303);
  });

  const renderEdit = (c: Ctx, clinic: ClinicListRow, values: ClinicFormInput, errors: ClinicFormErrors, status: 200 | 422) =>
    renderPage(c, {
      title: clinic.name,
      status,
      body: (
        <EditClinicPage
          clinic={clinic}
          values={values}
          errors={errors}
          backHref={urlWith('/bases', { singular: clinicAdminOf(c.get('actor')).kind === 'platform' ? clinic.resellerCode : '' })}
        />
      ),
    });

  router.get('/bases/:id{[0-9]+}', meta('Editar base clínica'), async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const id = baseIdParam(c);
    const clinic = await managedClinic(services, c, admin, id);
    return renderEdit(c, clinic, clinicInput(clinic), {}, 200);
  });

  router.post('/bases/:id{[0-9]+}', { ...meta('Editar base clínica'), maxBodyBytes: 32 * 1024 }, async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const id = baseIdParam(c);
    const clinic = await managedClinic(services, c, admin, id);
    const input = { ...formInput(await c.req.parseBody()), baseId: '' };
    const { value, errors } = readClinicForm(input);
    if (value.cnpj !== null && value.cnpj !== clinic.cnpj) {
      const taken = await findTakenKeys(services.db, { ids: [], cnpjs: [value.cnpj], exceptId: clinic.id });
      if (taken.cnpjs.has(value.cnpj)) errors.cnpj = takenCnpjMessage;
    }
    if (hasErrors(errors)) return renderEdit(c, clinic, input, errors, 422);
    const fields = clinicFields(value);
    const changes = Object.fromEntries(
      (Object.keys(fields) as (keyof ClinicFields)[])
        .filter((key) => (fields[key] ?? null) !== (clinic[key] ?? null))
        .map((key) => [key, { de: clinic[key], para: fields[key] }]),
    );
    if (Object.keys(changes).length === 0) {
      await c.get('flash')('Nenhuma alteração para salvar.', 'info');
      return c.redirect(`/bases/${clinic.id}`, 303);
    }
    await c.get('tx')(async (tx) => {
      const updated = await updateClinic(tx, clinic.resellerId, clinic.id, fields, services.clock.now());
      if (!updated) throw new HttpError(404);
      await auditChange(services, c, tx, {
        action: 'clinic.update',
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        target: `base ${clinic.id}`,
        details: { changes },
      });
    });
    await c.get('flash')(`Base “${value.name}” (id ${clinic.id}) atualizada.`, 'success');
    return c.redirect(afterChangeHref(admin, clinic), 303);
  });

  for (const action of ['desativar', 'reativar'] as const) {
    const screen = action === 'desativar' ? 'Desativar base clínica' : 'Reativar base clínica';
    const status = action === 'desativar' ? 'inactive' : 'active';

    router.get(`/bases/:id{[0-9]+}/${action}`, meta(screen), async (c) => {
      const admin = clinicAdminOf(c.get('actor'));
      const id = baseIdParam(c);
      const clinic = await managedClinic(services, c, admin, id);
      if (clinic.status === status) return c.redirect(`/bases/${clinic.id}`, 303);
      return renderPage(c, { title: screen, body: <ClinicStatusPage clinic={clinic} action={action} /> });
    });

    router.post(`/bases/:id{[0-9]+}/${action}`, { ...meta(screen), maxBodyBytes: 4 * 1024 }, async (c) => {
      const admin = clinicAdminOf(c.get('actor'));
      const id = baseIdParam(c);
      const clinic = await managedClinic(services, c, admin, id);
      if (clinic.status === status) {
        await c.get('flash')(`A base “${clinic.name}” já está ${status === 'active' ? 'ativa' : 'inativa'}.`, 'info');
        return c.redirect(`/bases/${clinic.id}`, 303);
      }
      await c.get('tx')(async (tx) => {
        if (!(await setClinicStatus(tx, clinic.resellerId, clinic.id, status, services.clock.now()))) throw new HttpError(404);
        await auditChange(services, c, tx, {
          action: status === 'active' ? 'clinic.reactivate' : 'clinic.deactivate',
          resellerId: clinic.resellerId,
          clinicId: clinic.id,
          target: `base ${clinic.id}`,
          details: { name: clinic.name },
        });
      });
      if (status === 'inactive') {
        await services.events.emit('clinic.deactivated', {
          resellerId: clinic.resellerId,
          clinicId: clinic.id,
          actorUserId: c.get('actor').user?.id ?? null,
          at: services.clock.now(),
        });
      }
      await c
        .get('flash')(`Base “${clinic.name}” (id ${clinic.id}) ${status === 'active' ? 'reativada' : 'desativada'}.`, 'success');
      return c.redirect(afterChangeHref(admin, clinic), 303);
    });
  }
}
