import { supportAccessModule } from './support-access/support-access-module.ts';
import { tenantsModule } from './tenants-module.ts';

export default [tenantsModule, supportAccessModule];

// Audit tooling (used by the verify command's tests and by operators' scripts).
export { auditCsvStream } from './audit/audit-export.ts';
export { auditWhere } from './audit/audit-query.ts';
export { verifyAuditCommand } from './audit/verify-command.ts';

// Clinic bases at scale (used by tests/bench and operators' scripts).
export { listClinics, type ClinicListQuery, type ClinicPage } from './clinics/clinic-store.ts';
export { parseClinicSearch, type ClinicSearch } from './clinics/search-query.ts';
export { accentInsensitivePattern, foldWord } from './clinics/accent-pattern.ts';
export { seedLarge, type LargeSeedReport, SEED_EMAIL_DOMAIN, SEED_RESELLER_CODE_START } from './large-seed/seed-large.ts';
