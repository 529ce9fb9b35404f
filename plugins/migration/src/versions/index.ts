/** Validation versions (issue 15): the loader, its job, the expiry, and the adapter of legacy tables. */
export { EXPIRY_JOB, expireVersions } from './expiry-job.ts';
export { LOAD_TASK, startVersion } from './load-job.ts';
export { type LoadOptions, type LoadResult, loadVersion, STAGED_COLUMNS } from './load-version.ts';
export type { StagedInput, StagedRows, VersionKey, VersionRows } from './staged-input.ts';
export { type LegacyTable, normalise, tableRows } from './table-rows.ts';
export { noConfirmedFiles, type VersionSource } from './version-source.ts';
export { createVersion, expiryOf, keyOf, type VersionRow } from './version-store.ts';
export { demoTables } from '../demo/homologation-demo.ts';
