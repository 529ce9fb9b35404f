/**
 * Chooses the CSV delimiter from the header line. Excel in pt-BR writes ";"
 * (the decimal separator is ","); other tools write ",". Ties go to ";".
 * An Excel "sep=;" first line, when present, decides and is skipped.
 */

export type CsvDelimiter = ';' | ',';

export interface DelimiterGuess {
  delimiter: CsvDelimiter;
  /** Lines to skip before the header: 1 when the file starts with "sep=…". */
  skipLines: number;
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const current of line) {
    if (current === '"') quoted = !quoted;
    else if (current === char && !quoted) count += 1;
  }
  return count;
}

export function detectDelimiter(text: string): DelimiterGuess {
  const lines = text.split(/\r\n|\r|\n/, 50);
  const sep = /^sep=(.)\s*$/i.exec(lines[0] ?? '');
  const skipLines = sep ? 1 : 0;
  if (sep?.[1] === ';' || sep?.[1] === ',') return { delimiter: sep[1], skipLines };
  const header = lines.slice(skipLines).find((line) => line.trim() !== '') ?? '';
  const commas = countOutsideQuotes(header, ',');
  const semicolons = countOutsideQuotes(header, ';');
  return { delimiter: commas > semicolons ? ',' : ';', skipLines };
}
