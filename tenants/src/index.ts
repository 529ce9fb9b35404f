import { tenantsModule } from './tenants-module.ts';

export default tenantsModule;
