/** Wiring of the singulares, bases clínicas and CSV import screens into the tenants module. */
import type { CoreServices, NavEntry, ScreenRouter } from '@painel/core/module';
import { registerClinicImportRoutes } from '../clinic-import/import-routes.tsx';
import { registerResellerRoutes } from '../resellers/reseller-routes.tsx';
import { registerClinicRoutes } from './clinic-routes.tsx';

export const clinicAdminNav: NavEntry[] = [
  { label: 'Singulares', href: '/singulares', permission: 'platform.admin', section: 'admin', order: 10 },
  { label: 'Bases clínicas', href: '/bases', permission: 'reseller.manage', section: 'admin', order: 20 },
];

export function registerClinicAdminRoutes(router: ScreenRouter, services: CoreServices): void {
  registerResellerRoutes(router, services);
  registerClinicImportRoutes(router, services);
  registerClinicRoutes(router, services);
}
