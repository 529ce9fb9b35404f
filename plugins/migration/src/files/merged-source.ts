/**
 * A file merged with its corrected re-uploads: the corrections hold only the rows that were fixed (the
 * error CSV, edited, is the usual one: its "Linha" column is the original line). A correction row
 * replaces the original row with the same original line when the correction has a "Linha" column,
 * otherwise the one with the same código; later corrections win over earlier ones. Correction rows that
 * match no original row are added after the original's last row. Columns are matched by name, so the
 * correction may drop, add ("Motivos") or reorder columns; a value the error CSV guarded against formula
 * injection ('=…) gets its apostrophe back off.
 */
import { fold } from '../prevalidation/fold.ts';
import type { Mapping } from '../prevalidation/mapping.ts';
import type { Cell, SourceRow, TableSource } from '../prevalidation/readers/source.ts';

/** Corrections are meant to be small: at most this many rows are held in memory. */
export const MAX_CORRECTION_ROWS = 200_000;

export interface MergeStats {
  /** Original rows replaced by a corrected row. */
  replaced: number;
  /** Corrected rows that matched no original row (added at the end). */
  added: number;
}

const GUARDED = /^'[=+\-@\t\r]/;
const unguard = (cell: Cell): Cell => (typeof cell === 'string' && GUARDED.test(cell) ? cell.slice(1) : cell);
const keyText = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());

interface Correction {
  cells: Cell[];
  used: boolean;
}

/** Reads the corrections and returns the original source with their rows in place; `stats` is final once the rows are read. */
export async function mergedSource(original: TableSource, mapping: Mapping, corrections: readonly TableSource[]): Promise<{ source: TableSource; stats: MergeStats }> {
  const stats: MergeStats = { replaced: 0, added: 0 };
  if (corrections.length === 0) return { source: original, stats };
  const folded = original.header.map((h) => fold(h));
  const codigoAt = mapping.columns.find((m) => m.field === 'codigo')?.index ?? -1;
  const byLine = new Map<number, Correction>();
  const byCode = new Map<string, Correction>();
  const ordered: Correction[] = [];
  let held = 0;
  for (const c of corrections) {
    const header = c.header.map((h) => fold(h));
    const lineAt = header.indexOf('linha');
    const from = folded.map((h) => header.indexOf(h));
    const codeCol = codigoAt >= 0 ? from[codigoAt]! : -1;
    for await (const batch of c.batches)
      for (const row of batch) {
        if (row.cells.every((x) => keyText(x) === '')) continue;
        if (++held > MAX_CORRECTION_ROWS) throw new Error(`correction larger than ${MAX_CORRECTION_ROWS} rows`);
        const entry: Correction = { cells: from.map((i) => (i < 0 ? null : unguard(row.cells[i] ?? null))), used: false };
        const line = lineAt >= 0 ? Number(keyText(row.cells[lineAt])) : NaN;
        if (Number.isInteger(line) && line > 0) byLine.set(line, entry);
        else if (codeCol >= 0 && keyText(row.cells[codeCol]) !== '') byCode.set(keyText(row.cells[codeCol]), entry);
        ordered.push(entry);
      }
  }
  async function* batches(): AsyncGenerator<SourceRow[]> {
    let last = 0;
    for await (const batch of original.batches) {
      const out: SourceRow[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const row = batch[i]!;
        last = Math.max(last, row.line);
        const fix = byLine.get(row.line) ?? (codigoAt >= 0 ? byCode.get(keyText(row.cells[codigoAt])) : undefined);
        if (fix && !fix.used) {
          fix.used = true;
          stats.replaced++;
          out[i] = { line: row.line, cells: fix.cells };
        } else out[i] = row;
      }
      yield out;
    }
    const rest = ordered.filter((c) => !c.used);
    stats.added = rest.length;
    if (rest.length > 0) yield rest.map((c, i) => ({ line: last + i + 1, cells: c.cells }));
  }
  return { source: { ...original, batches: batches() }, stats };
}
