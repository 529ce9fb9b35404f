export { migrationPlugin as default, createMigrationPlugin } from './plugin.ts';
export { createRouter, type RouterDeps } from './router.ts';
export * as prevalidation from './prevalidation/index.ts';
export { verifyPackage, type VerifiedPackage } from './export/verify-package.ts';
export * as versions from './versions/index.ts';
export { secretBoxFromEnv } from './secrets/secret-box.ts';
/** The data contract for loading confirmed, pre-validated files into staging (files/confirmed-rows.ts). */
export { type ConfirmedFile, confirmedFiles, type RequestFileRow, type ValidRow, type ValidRowsDeps, validRowsOf } from './files/confirmed-rows.ts';
export { runCli as runMigrationCheck } from './cli/main.ts';
