/** "Desativar" / "Reativar base clínica": a confirmation page, then the change. */
import { type CoreServices, HttpError, renderPage, type ScreenRouter } from '@painel/core/module';
import { clinicAdminOf } from './admin-scope.ts';
import { ClinicStatusPage } from './clinic-form-page.tsx';
import { afterChangeHref, baseIdParam, managedClinic, meta } from './clinic-route-kit.ts';
import { setClinicStatus } from './clinic-store.ts';
import { auditChange } from './request-audit.ts';

export function clinicStatusRoutes(router: ScreenRouter, services: CoreServices): void {
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
