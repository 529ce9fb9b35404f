/** The test templates' helpers live in core (`@painel/core/testing`), so plugin tests use them too. */
export { buildPgliteTemplate, buildPostgresTemplate, pgliteExtensions, seedInstant, testAppRole, testEnv, withDatabase } from '@painel/core/testing';
