import { defineModule } from '@painel/core';
import { seedTenantsDemo } from './demo/demo-seed.ts';
import { clinicAdminNav, registerClinicAdminRoutes } from './clinics/clinic-admin-wiring.ts';

/** Tenants: singulares, clinic bases, users, memberships and the clinic switcher. */
export const tenantsModule = defineModule({
  id: 'tenants',
  nav: [...clinicAdminNav],
  routes: (router, services) => {
    registerClinicAdminRoutes(router, services);
  },
  seedDemo: seedTenantsDemo,
});
