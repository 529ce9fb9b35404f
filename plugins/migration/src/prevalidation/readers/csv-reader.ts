/**
 * A CSV file as a header and a stream of rows: bytes decoded as they come (encoding.ts), the delimiter
 * detected on the first 64 KB (delimiter.ts), parsed by csv-parse (quoted delimiters and line breaks,
 * CRLF, stray quotes tolerated, rows of any width). Memory stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type Delimiter, detectDelimiter } from './delimiter.ts';
import { streamDecoder } from './encoding.ts';
import { type SourceRow, type TableSource, UnusableInput } from './source.ts';

const SAMPLE = 64 * 1024;

export interface CsvOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
}

/** Opens a CSV from a path or a byte stream (an upload). Throws UnusableInput for an empty file or no header. */
export async function openCsv(input: string | AsyncIterable<Uint8Array>, options: CsvOptions = {}): Promise<TableSource> {
  const bytes: AsyncIterable<Uint8Array> = typeof input === 'string' ? createReadStream(input, { highWaterMark: 256 * 1024 }) : input;
  const decoder = streamDecoder();
  const byteIterator = bytes[Symbol.asyncIterator]();

  // Decode until the sample is big enough to detect the delimiter.
  let sample = '';
  let ended = false;
  while (sample.length < SAMPLE) {
    const next = await byteIterator.next();
    if (next.done) {
      sample += decoder.end();
      ended = true;
      break;
    }
    sample += decoder.write(next.value);
  }
  if (sample.replace(/^\uFEFF/, '').trim() === '') throw new UnusableInput('O arquivo está vazio.');
  const delimiter = options.delimiter ?? detectDelimiter(sample, ended);

  async function* text(): AsyncGenerator<string> {
    yield sample;
    if (ended) return;
    for (;;) {
      const next = await byteIterator.next();
      if (next.done) break;
      const t = decoder.write(next.value);
      if (t) yield t;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }

  const parser = Readable.from(text(), { objectMode: false, encoding: 'utf8' }).pipe(
    parse({ delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { empty_lines: number } }>;

  // Line numbers: csv-parse's own count is off around quoted CRLFs, so the reader keeps its own — the
  // next record starts after the previous one's line breaks and the empty lines skipped in between.
  let nextLine = 1;
  let emptyLines = 0;
  const place = (record: string[], empty: number): number => {
    const start = nextLine + (empty - emptyLines);
    emptyLines = empty;
    let breaks = 0;
    for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) breaks++;
    nextLine = start + breaks + 1;
    return start;
  };

  // The header: the first record with something in it.
  let header: string[] | null = null;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    place(next.value.record, next.value.info.empty_lines);
    if (next.value.record.some((c) => c.trim() !== '')) {
      header = next.value.record.map((c) => c.trim());
      break;
    }
  }
  if (!header) throw new UnusableInput('O arquivo não tem cabeçalho.');

  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const next = await records.next();
      if (next.done) return;
      const { record, info } = next.value;
      yield { line: place(record, info.empty_lines), cells: record };
    }
  }

  return { format: 'csv', header, rows: rows(), encoding: decoder.encoding, delimiter };
}
