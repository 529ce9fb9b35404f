import { fileURLToPath } from 'node:url';
import { defineModule } from '@painel/core/module';
import { seedTenantsDemo } from './demo/demo-seed.ts';
import { clinicAdminNav, registerClinicAdminRoutes } from './clinics/clinic-admin-wiring.ts';
import { accessNav, accessPermissions, registerAccessRoutes } from './users/access-wiring.ts';

/** Tenants: singulares, clinic bases, users, memberships and the clinic switcher. */
export const tenantsModule = defineModule({
  id: 'tenants',
  migrations: { folder: fileURLToPath(new URL('../migrations', import.meta.url)), schema: 'tenants' },
  permissions: { ...accessPermissions },
  nav: [...accessNav, ...clinicAdminNav],
  routes: (router, services) => {
    registerAccessRoutes(router, services);
    registerClinicAdminRoutes(router, services);
  },
  seedDemo: seedTenantsDemo,
  demoSummary: 'Singular Demo e Singular Vizinha, 5 bases clínicas, 5 usuários (gestora, médico multi clínica, suporte…)',
});
