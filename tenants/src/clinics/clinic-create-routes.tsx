/** "Nova base clínica": the form and the creation (a chosen id, or the next free one). */
import { type CoreServices, renderPage, type ScreenRouter } from '@painel/core/module';
import { activeResellers, findResellerByCode, findResellerById, type Reseller } from '../resellers/reseller-store.ts';
import { type ClinicAdmin, clinicAdminOf } from './admin-scope.ts';
import { formText, urlWith } from './admin-ui.tsx';
import { type ClinicFormErrors, type ClinicFormInput, hasErrors, readClinicForm, wantsGeneratedId } from './clinic-form.ts';
import { NewClinicPage } from './clinic-form-page.tsx';
import { findTakenKeys, highestBaseId } from './clinic-keys.ts';
import {
  afterChangeHref,
  clinicFields,
  type Ctx,
  formInput,
  GENERATED_ID_ATTEMPTS,
  meta,
  resellerOption,
  takenCnpjMessage,
  takenIdMessage,
} from './clinic-route-kit.ts';
import { insertClinic } from './clinic-store.ts';
import { auditChange } from './request-audit.ts';

type ClinicFormValue = ReturnType<typeof readClinicForm>['value'];

export function clinicCreateRoutes(router: ScreenRouter, services: CoreServices): void {
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

  /** The singular the new base goes to (its own for a singular's admin), with every form error at once. */
  const checkNew = async (c: Ctx, admin: ClinicAdmin, input: ClinicFormInput, singular: string) => {
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
    return { value, errors, reseller };
  };

  /** Inserts the base with the chosen id, or the first free one from the next id on; null when none was free. */
  const insertNew = (c: Ctx, target: Reseller, value: ClinicFormValue, firstId: number, generated: boolean) =>
    c.get('tx')(async (tx) => {
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

  router.post('/bases', { ...meta('Nova base clínica'), maxBodyBytes: 32 * 1024 }, async (c) => {
    const admin = clinicAdminOf(c.get('actor'));
    const body = await c.req.parseBody();
    const input = formInput(body);
    const singular = admin.kind === 'platform' ? formText(body, 'singular').trim() : '';
    const { value, errors, reseller } = await checkNew(c, admin, input, singular);
    if (hasErrors(errors) || !reseller) return renderNew(c, admin, { ...input, singular }, errors, 422);
    const generated = wantsGeneratedId(input);
    const firstId = value.baseId ?? (await highestBaseId(services.db)) + 1;
    const createdId = await insertNew(c, reseller, value, firstId, generated);
    if (createdId === null) {
      const message = generated ? 'Não foi possível reservar um id livre agora. Tente novamente.' : takenIdMessage(firstId);
      return renderNew(c, admin, { ...input, singular }, generated ? { form: message } : { baseId: message }, 422);
    }
    await services.events.emit('clinic.created', {
      resellerId: reseller.id,
      clinicId: createdId,
      name: value.name,
      actorUserId: c.get('actor').user?.id ?? null,
      at: services.clock.now(),
    });
    await c.get('flash')(`Base “${value.name}” criada com o id ${createdId}.`, 'success');
    return c.redirect(afterChangeHref(admin, { id: createdId, resellerCode: reseller.code }), 303);
  });
}
