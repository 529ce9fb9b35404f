/** "Editar base clínica": the form and the update (only what changed is written and audited). */
import { type CoreServices, HttpError, renderPage, type ScreenRouter } from '@painel/core/module';
import { clinicAdminOf } from './admin-scope.ts';
import { urlWith } from './admin-ui.tsx';
import { type ClinicFormErrors, type ClinicFormInput, hasErrors, readClinicForm } from './clinic-form.ts';
import { EditClinicPage } from './clinic-form-page.tsx';
import { findTakenKeys } from './clinic-keys.ts';
import { afterChangeHref, baseIdParam, clinicFields, clinicInput, type Ctx, formInput, managedClinic, meta, takenCnpjMessage } from './clinic-route-kit.ts';
import { type ClinicFields, type ClinicListRow, updateClinic } from './clinic-store.ts';
import { auditChange } from './request-audit.ts';

export function clinicEditRoutes(router: ScreenRouter, services: CoreServices): void {
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
}
