/**
 * Where a validation version's rows come from: the valid rows of the request's confirmed files
 * (`confirmedFiles` / `validRowsOf`, src/files/confirmed-rows.ts), per entity, read from the plugin's
 * file store as the loader pulls them. Tests, the demo data and the bench can hand the loader generated
 * rows instead (`RouterDeps.versionSource`).
 */
import type { PluginContext } from '@painel/core/plugin';
import type { EntityKey } from '../domain/vocabulary.ts';
import { type ConfirmedFile, confirmedFiles, validRowsOf } from '../files/confirmed-rows.ts';
import type { StagedInput, StagedRows, VersionKey, VersionRows } from './staged-input.ts';

export type VersionSource = (ctx: PluginContext<unknown>, key: VersionKey) => Promise<VersionRows>;

/** A source with nothing in it (a version that loads no row). */
export const noConfirmedFiles: VersionSource = () => Promise.resolve({ entities: {} });

async function* concat(parts: Array<AsyncIterable<StagedInput>>): AsyncGenerator<StagedInput> {
  for (const part of parts) yield* part;
}

/** The product's source: per entity, the valid rows of the request's confirmed files (oldest file first). */
export const confirmedFilesSource: VersionSource = async (ctx, key) => {
  const scope = { kind: 'clinic', resellerId: key.resellerId, clinicId: key.clinicId } as const;
  const files = await ctx.scoped(scope, (tx) => confirmedFiles(tx, key.requestId));
  const byEntity = new Map<EntityKey, ConfirmedFile[]>();
  for (const file of files) byEntity.set(file.entity as EntityKey, [...(byEntity.get(file.entity as EntityKey) ?? []), file]);
  const entities: Partial<Record<EntityKey, StagedRows>> = {};
  const expected: Partial<Record<EntityKey, number>> = {};
  const sourceRows: Partial<Record<EntityKey, number>> = {};
  for (const [entity, list] of byEntity) {
    entities[entity] = concat(list.map((file) => validRowsOf({ files: ctx.files, requestFiles: files }, file)));
    expected[entity] = list.reduce((n, f) => n + (f.validRows ?? 0), 0);
    if (list.every((f) => f.rows !== null)) sourceRows[entity] = list.reduce((n, f) => n + (f.rows ?? 0), 0);
  }
  return { entities, expected, sourceRows };
};
