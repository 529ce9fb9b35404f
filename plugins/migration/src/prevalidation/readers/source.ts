/** What every reader gives: the header, then the rows one at a time, with where each came from. */

/** A cell as read: text from CSV; numbers, dates and booleans too from XLSX and Access. */
export type Cell = string | number | Date | boolean | null;

export interface SourceRow {
  /** The row's line in the original file (a CSV record spanning lines: its first line); the XLSX row number. */
  line: number;
  cells: Cell[];
}

export type Encoding = 'utf-8' | 'windows-1252';

export interface TableSource {
  format: 'csv' | 'xlsx' | 'mdb';
  header: string[];
  /** The rows, a batch at a time (one promise per batch, not per row). */
  batches: AsyncIterable<SourceRow[]>;
  /** The text encoding (CSV only; XLSX is UTF-8 by definition, Access stores Unicode). Final once the rows are read. */
  encoding(): Encoding;
  delimiter: string | null;
  /** A cell's text as it should be shown (a Windows-1252 CSV is parsed as Latin-1; this puts € “ ” – right). */
  shown?: (text: string) => string;
}

/** Input the check cannot use, with its pt-BR message (the CLI exits 2 with it). */
export class UnusableInput extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnusableInput';
  }
}

/** A cell as text for the checks (dates are checked as Date objects before this is called). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}
