/**
 * The files of a request as the engine's inputs: each whole file opened from the store and merged with
 * its corrected re-uploads, under a key unique in the request (`#<id>`), with its saved mapping (when a
 * person confirmed one, or a check chose one) or else the legacy system's template or the automatic one.
 */
import type { CheckInput, CheckOptions } from '../prevalidation/check-files.ts';
import { isEntityKey } from '../prevalidation/entities.ts';
import type { Mapping } from '../prevalidation/mapping.ts';
import type { RequestFileRow } from './file-rows.ts';
import { type MergeStats, mergedSource } from './merged-source.ts';
import { openStored, type StoredFiles } from './stored-source.ts';
import { type TableSource, UnusableInput } from '../prevalidation/readers/source.ts';
import { applyTemplate, autoMap } from '../prevalidation/mapping.ts';

export interface FileWithCorrections {
  file: RequestFileRow;
  corrections: readonly RequestFileRow[];
}

export const inputKey = (file: Pick<RequestFileRow, 'id'>) => `#${file.id}`;

/** The mapping a file is checked with: its saved one, else the template, else the automatic one. */
export function mappingOf(file: RequestFileRow, header: readonly string[], template?: Readonly<Record<string, string>>): Mapping {
  if (!isEntityKey(file.entity)) throw new Error(`unknown entity ${file.entity}`);
  if (file.mapping) {
    const used = new Set(file.mapping.map((m) => m.index));
    return { columns: file.mapping.map((m) => ({ ...m })), unmapped: header.filter((_, i) => !used.has(i)) };
  }
  return template ? applyTemplate(file.entity, header, template) : autoMap(file.entity, header);
}

export interface OpenedInputs {
  inputs: CheckInput[];
  mappingFor: NonNullable<CheckOptions['mappingFor']>;
  /** Per input key: how the corrections merged (final once the rows are read). */
  merges: Map<string, MergeStats>;
  /** Per input key: the file's header as read. */
  headers: Map<string, string[]>;
  /** Per input key: the source's display fix for Windows-1252 text. */
  shown: Map<string, (text: string) => string>;
}

export async function openRequestInputs(
  store: StoredFiles,
  files: readonly FileWithCorrections[],
  templates: (entity: string) => Readonly<Record<string, string>> | undefined = () => undefined,
): Promise<OpenedInputs> {
  const inputs: CheckInput[] = [];
  const mappings = new Map<string, Mapping>();
  const merges = new Map<string, MergeStats>();
  const shown = new Map<string, (text: string) => string>();
  const headers = new Map<string, string[]>();
  for (const { file, corrections } of files) {
    if (!isEntityKey(file.entity)) continue;
    const key = inputKey(file);
    let original: TableSource;
    const fixes: TableSource[] = [];
    let reading = file.id;
    try {
      original = await openStored(store, file);
      for (const c of corrections) {
        reading = c.id;
        fixes.push(await openStored(store, { ...c, sheet: null }));
      }
    } catch (error) {
      throw new UnusableInput(`#${reading}: ${error instanceof UnusableInput ? error.message : `não foi possível ler o arquivo (${(error as Error).message}).`}`);
    }
    const mapping = mappingOf(file, original.header, templates(file.entity));
    const { source, stats } = await mergedSource(original, mapping, fixes);
    headers.set(key, original.header);
    inputs.push({ file: key, entity: file.entity, source });
    mappings.set(key, mapping);
    merges.set(key, stats);
    if (original.shown) shown.set(key, original.shown);
  }
  return { inputs, mappingFor: (key) => mappings.get(key), merges, headers, shown };
}
