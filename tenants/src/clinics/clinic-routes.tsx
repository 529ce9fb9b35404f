/** Routes of "Bases clínicas" (reseller.manage): list/search, create, edit, deactivate/reactivate. */
import type { CoreServices, ScreenRouter } from '@painel/core/module';
import { clinicCreateRoutes } from './clinic-create-routes.tsx';
import { clinicEditRoutes } from './clinic-edit-routes.tsx';
import { clinicListRoutes } from './clinic-list-routes.tsx';
import { clinicStatusRoutes } from './clinic-status-routes.tsx';

export { CLINIC_PAGE_SIZE } from './clinic-route-kit.ts';

export function registerClinicRoutes(router: ScreenRouter, services: CoreServices): void {
  clinicListRoutes(router, services);
  clinicCreateRoutes(router, services);
  clinicEditRoutes(router, services);
  clinicStatusRoutes(router, services);
}
