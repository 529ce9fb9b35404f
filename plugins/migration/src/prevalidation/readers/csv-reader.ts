/**
 * A CSV file as a header and a stream of rows: the delimiter detected on the first 64 KB (delimiter.ts),
 * the encoding on the first non-ASCII bytes (encoding.ts), parsed by csv-parse straight from the bytes
 * (quoted delimiters and line breaks, CRLF, stray quotes tolerated, rows of any width; empty lines come
 * through as blank rows, which the check skips). Rows come in
 * batches read synchronously from the parser's buffer, so the per-row cost is the parser's own. Memory
 * stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { type Delimiter, detectDelimiter } from './delimiter.ts';
import { EncodingSniffer, fromLatin1, utf8FromLatin1 } from './encoding.ts';
import { type Cell, type SourceRow, type TableSource, UnusableInput } from './source.ts';

const SAMPLE = 64 * 1024;
/** How far to look for a first non-ASCII byte before starting the parser. */
const LOOKAHEAD = 4 * 1024 * 1024;
const BATCH = 512;

export interface CsvOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
}

type Parsed = string[];

/**
 * csv-parse's own error (English, with its code) as the pt-BR refusal of the file. `line` is where the
 * record being read starts: every record before it was already numbered.
 */
function unreadable(error: unknown, line: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('CSV_')) return error;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new UnusableInput(`As aspas abertas na linha ${line} não são fechadas até o fim do arquivo (o arquivo está cortado ou tem aspas a mais).`);
  }
  return new UnusableInput(`O arquivo não pôde ser lido como CSV a partir da linha ${line}.`);
}

/** Records read from the parser in batches, without a promise per record; a parser error comes as UnusableInput. */
async function* batches(parser: Parser, line: () => number): AsyncGenerator<Parsed[]> {
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on('readable', signal);
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    signal();
  });
  for (;;) {
    const batch: Parsed[] = [];
    let record: Parsed | null;
    while (batch.length < BATCH && (record = parser.read() as Parsed | null) !== null) batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (failure) throw unreadable(failure, line());
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

/** Opens a CSV from a path or a byte stream (an upload). Throws UnusableInput for an empty file or no header. */
export async function openCsv(input: string | AsyncIterable<Uint8Array>, options: CsvOptions = {}): Promise<TableSource> {
  const bytes: AsyncIterable<Uint8Array> = typeof input === 'string' ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
  const iterator = bytes[Symbol.asyncIterator]();
  const sniffer = new EncodingSniffer();

  // Read ahead until the encoding shows (or 4 MB of ASCII, or the end) and the sample is big enough.
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SAMPLE || (sniffer.current === null && headBytes < LOOKAHEAD)) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      sniffer.end();
      break;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    sniffer.see(chunk);
    head.push(chunk);
    headBytes += chunk.length;
  }
  const start = Buffer.concat(head);
  const latin1 = sniffer.current !== 'utf-8';
  const sample = start.subarray(0, SAMPLE).toString(latin1 ? 'latin1' : 'utf8').replace(/^\uFEFF/, '');
  if (sample.trim() === '') throw new UnusableInput('O arquivo está vazio.');
  // Excel's "sep=;" first line names the delimiter; it is not the header.
  const sepLine = /^sep=([;,\t|])\r?\n/i.exec(sample);
  const delimiter = options.delimiter ?? (sepLine?.[1] as Delimiter | undefined) ?? detectDelimiter(sample, ended && start.length <= SAMPLE);

  async function* feed(): AsyncGenerator<Buffer> {
    yield start;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        sniffer.end();
        return;
      }
      const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      sniffer.see(chunk);
      yield chunk;
    }
  }

  // Line numbers, kept by the reader (csv-parse's `info` costs a quarter of its time and miscounts quoted
  // CRLFs): each record, an empty line included, starts after the previous one's line breaks. A parser
  // error names the line of the record it stopped in.
  let nextLine = 1;
  const parser = Readable.from(feed()).pipe(
    parse({ delimiter, encoding: latin1 ? 'latin1' : 'utf8', bom: true, relax_quotes: true, relax_column_count: true }),
  );
  const records = batches(parser, () => nextLine);

  const place = (record: string[]): number => {
    const start = nextLine;
    let breaks = 0;
    for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) breaks++;
    nextLine = start + breaks + 1;
    return start;
  };
  /** A file that looked ASCII at first but turned out UTF-8 was parsed as Latin-1: its cells are decoded again. */
  const repair = (record: string[]): Cell[] => (latin1 && (sniffer.current as string | null) === 'utf-8' ? record.map(utf8FromLatin1) : record);

  // The header: the first record with something in it.
  let header: string[] | null = null;
  let pending: Parsed[] = [];
  while (!header) {
    const next = await records.next();
    if (next.done) break;
    pending = next.value;
    while (pending.length > 0) {
      const first = pending.shift()!;
      place(first);
      if (sepLine && first.length <= 2 && /^sep=$/i.test(first[0] ?? '')) continue;
      if (first.some((c) => c.trim() !== '')) {
        header = (repair(first) as string[]).map((c) => (sniffer.current === 'windows-1252' ? fromLatin1(c) : c).trim());
        break;
      }
    }
  }
  if (!header) throw new UnusableInput('O arquivo não tem cabeçalho.');

  async function* rows(): AsyncGenerator<SourceRow[]> {
    let batch = pending;
    for (;;) {
      if (batch.length > 0) yield batch.map((record) => ({ line: place(record), cells: repair(record) }));
      const next = await records.next();
      if (next.done) return;
      batch = next.value;
    }
  }

  return {
    format: 'csv',
    header,
    batches: rows(),
    encoding: () => sniffer.encoding(),
    delimiter,
    shown: (text) => (sniffer.current === 'windows-1252' ? fromLatin1(text) : text),
  };
}
