/**
 * Where a validation version's rows come from: the valid rows of the request's confirmed files.
 *
 * SEAM: the confirmed files and their valid rows (`confirmedFiles(tx, requestId)`, `validRowsOf(deps, file)`
 * in src/files/confirmed-rows.ts) are being built separately. Until they are in, the app's source is
 * `noConfirmedFiles` (a version loads nothing and says so); tests, the demo data and the bench hand the
 * loader generated rows through `VersionSource` instead. Wiring the real source means writing
 * `confirmedFilesSource` here and passing it as `RouterDeps.versionSource` in plugin.ts.
 */
import type { PluginContext } from '@painel/core/plugin';
import type { VersionKey, VersionRows } from './staged-input.ts';

export type VersionSource = (ctx: PluginContext<unknown>, key: VersionKey) => Promise<VersionRows>;

export const noConfirmedFiles: VersionSource = () => Promise.resolve({ entities: {} });
