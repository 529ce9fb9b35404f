/**
 * The data contract for loading a request's pre-validated files into staging:
 *
 * - `confirmedFiles(tx, requestId)`: the request's files whose mapping a person confirmed (status
 *   `confirmado`, not replaced), oldest first, each with its checked corrected re-uploads.
 * - `validRowsOf(deps, file)`: that file's valid rows, merged with its corrections (a corrected row
 *   replaces the original row with the same line or código), re-checked as the report checked them —
 *   cross-file references against the other confirmed files given in `deps.requestFiles`. Each row:
 *   its original line, `source` (column header → raw text as read) and `values` (field → normal form:
 *   dates aaaa-mm-dd, date-times aaaa-mm-ddThh:mm, CPF/phones digits, sexo M/F; normalise.ts). Blank
 *   values are left out of `values`. Rows are produced as the consumer pulls them (back-pressure).
 *
 * `tx` is the caller's transaction in a scope that can read the request (row-level security applies);
 * the rows are read from the plugin's file store (`ctx.files`), outside any transaction.
 */
import type { Db } from '@painel/core/plugin';
import { checkFiles } from '../prevalidation/check-files.ts';
import { ENTITIES, isEntityKey } from '../prevalidation/entities.ts';
import type { Cell } from '../prevalidation/readers/source.ts';
import { currentFiles, type RequestFileRow } from './file-rows.ts';
import { cellText, normalise } from './normalise.ts';
import { pushPull } from './push-pull.ts';
import { inputKey, openRequestInputs } from './request-inputs.ts';
import type { StoredFiles } from './stored-source.ts';

export type { RequestFileRow } from './file-rows.ts';

/** A confirmed file of a request with its checked corrected re-uploads (oldest first). */
export interface ConfirmedFile extends RequestFileRow {
  corrections: RequestFileRow[];
}

export interface ValidRow {
  line: number;
  /** Column header → the raw value as read (text). */
  source: Record<string, string>;
  /** Field key → the value's normal form (blank values left out). */
  values: Record<string, string>;
}

export interface ValidRowsDeps {
  /** The plugin's file store (`ctx.files`). */
  files: StoredFiles;
  /** The request's confirmed files (confirmedFiles' result), for the cross-file checks; default: the file alone. */
  requestFiles?: readonly ConfirmedFile[];
}

export async function confirmedFiles(tx: Db, requestId: number): Promise<ConfirmedFile[]> {
  const files = await currentFiles(tx, requestId, ['confirmado']);
  return files.map(({ file, corrections }) => ({ ...file, corrections: corrections.filter((c) => c.status !== 'enviado') }));
}

export function validRowsOf(deps: ValidRowsDeps, file: ConfirmedFile): AsyncIterable<ValidRow> {
  return pushPull<ValidRow>(async (push) => {
    if (!isEntityKey(file.entity)) throw new Error(`request file #${file.id}: unknown entity ${file.entity}`);
    const others = (deps.requestFiles ?? []).filter((f) => f.id !== file.id);
    const all = [file, ...others].map((f) => ({ file: f as RequestFileRow, corrections: f.corrections }));
    const opened = await openRequestInputs(deps.files, all);
    const key = inputKey(file);
    const fields = ENTITIES[file.entity].fields;
    let header: readonly string[] = [];
    let bound: Array<{ index: number; def: (typeof fields)[number] }> = [];
    const shown = opened.shown.get(key) ?? ((t: string) => t);
    await checkFiles(opened.inputs, {
      mappingFor: (k, _entity, h) => {
        const mapping = opened.mappingFor(k, _entity, h);
        if (k === key && mapping) {
          header = h;
          bound = mapping.columns.flatMap((m) => {
            const def = fields.find((f) => f.key === m.field);
            return def ? [{ index: m.index, def }] : [];
          });
        }
        return mapping;
      },
      onRow: async (k, row, result) => {
        if (k !== key || result.errors !== 0) return;
        const text = (cell: Cell | undefined) => shown(cellText(cell ?? null));
        const source: Record<string, string> = {};
        header.forEach((h, i) => (source[h] = text(row.cells[i])));
        const values: Record<string, string> = {};
        for (const { index, def } of bound) {
          const cell = row.cells[index] ?? null;
          const v = normalise(def, typeof cell === 'string' ? shown(cell) : cell);
          if (v !== '') values[def.key] = v;
        }
        await push({ line: row.line, source, values });
      },
    });
  });
}
