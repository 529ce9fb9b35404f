import { supportAccessModule } from './support-access/support-access-module.ts';
import { tenantsModule } from './tenants-module.ts';

export default [tenantsModule, supportAccessModule];
