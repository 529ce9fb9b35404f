export { migrationPlugin as default, createMigrationPlugin } from './plugin.ts';
export { createRouter, type RouterDeps } from './router.ts';
export * as prevalidation from './prevalidation/index.ts';
export * as versions from './versions/index.ts';
export { secretBoxFromEnv } from './secrets/secret-box.ts';
