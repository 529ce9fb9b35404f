import { defineModule } from '@painel/core';
import { seedTenantsDemo } from './demo/demo-seed.ts';

/** Tenants: singulares, clinic bases, users, memberships and the clinic switcher. */
export const tenantsModule = defineModule({
  id: 'tenants',
  seedDemo: seedTenantsDemo,
});
