import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvText } from '../generator/write.ts';
import { openCsv } from './csv-reader.ts';
import { detectDelimiter } from './delimiter.ts';
import { UnusableInput } from './source.ts';

async function* chunks(bytes: Buffer, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(bytes: Buffer, size?: number) {
  const source = await openCsv(chunks(bytes, size));
  const rows: Array<{ line: number; cells: unknown[] }> = [];
  for await (const batch of source.batches) rows.push(...batch);
  return { source, rows };
}

describe('CSV reader', () => {
  it('detects Windows-1252, the delimiter, quoted delimiters and line breaks, CRLF, and numbers lines from the file', async () => {
    const text = 'Código;Nome;Obs\r\n1;José “Zé”;"a;b\r\nc"\r\n\r\n2;Ana;x\r\n3;"Mar""ia";€\r\n';
    const { source, rows } = await readAll(iconv.encode(text, 'windows-1252'));
    expect(source.header).toEqual(['Código', 'Nome', 'Obs']);
    expect(source.delimiter).toBe(';');
    expect(source.encoding()).toBe('windows-1252');
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 6]);
    expect(rows[0]!.cells.map((c) => source.shown!(String(c)))).toEqual(['1', 'José “Zé”', 'a;b\r\nc']);
    expect(rows[3]!.cells.map((c) => source.shown!(String(c)))).toEqual(['3', 'Mar"ia', '€']);
  });

  it('reads UTF-8 with and without BOM, even when the first non-ASCII byte comes late', async () => {
    const bom = await readAll(Buffer.from('\uFEFFNome,CPF\nJoão,1\n', 'utf8'));
    expect(bom.source.encoding()).toBe('utf-8');
    expect(bom.source.header).toEqual(['Nome', 'CPF']);
    expect(bom.rows[0]!.cells).toEqual(['João', '1']);
    const late = `Nome|CPF\n${'Ana|1\n'.repeat(120_000)}Conceição|2\n`;
    const read = await readAll(Buffer.from(late, 'utf8'), 64 * 1024);
    expect(read.source.encoding()).toBe('utf-8');
    expect(read.source.delimiter).toBe('|');
    expect(read.rows.at(-1)).toEqual({ line: 120_002, cells: ['Conceição', '2'] });
  });

  it('calls a file with invalid UTF-8 sequences Windows-1252', async () => {
    const { source } = await readAll(Buffer.from([0x4e, 0x6f, 0x6d, 0x65, 0x0a, 0x4a, 0x6f, 0x73, 0xe9, 0x0a]));
    expect(source.encoding()).toBe('windows-1252');
  });

  it('takes the delimiter from an Excel "sep=" first line, which is not the header', async () => {
    const { source, rows } = await readAll(Buffer.from('sep=|\r\nNome|CPF\r\nAna|1\r\n'));
    expect(source.delimiter).toBe('|');
    expect(source.header).toEqual(['Nome', 'CPF']);
    expect(rows).toEqual([{ line: 3, cells: ['Ana', '1'] }]);
  });

  it('refuses a quote left open to the end of the file with a pt-BR message naming the line it opens on', async () => {
    // Found by the fuzzer (prevalidation.fuzz.test.ts): csv-parse's own English CsvError escaped.
    await expect(openCsv(chunks(Buffer.from('"')))).rejects.toThrow(new UnusableInput('As aspas abertas na linha 1 não são fechadas até o fim do arquivo (o arquivo está cortado ou tem aspas a mais).'));
    const { source } = { source: await openCsv(chunks(Buffer.from('Nome;CPF\r\nAna;1\r\n\r\n"Bia;2\r\nCaio;3\r\n'))) };
    const read = async () => {
      for await (const batch of source.batches) void batch;
    };
    await expect(read()).rejects.toThrow(new UnusableInput('As aspas abertas na linha 4 não são fechadas até o fim do arquivo (o arquivo está cortado ou tem aspas a mais).'));
  });

  it('refuses an empty file and a file with no header', async () => {
    await expect(openCsv(chunks(Buffer.alloc(0)))).rejects.toThrow('vazio');
    await expect(openCsv(chunks(Buffer.from('\r\n\r\n  \r\n')))).rejects.toThrow('vazio');
    await expect(openCsv(chunks(Buffer.from(';;;\r\n;;\r\n')))).rejects.toThrow('cabeçalho');
  });

  it('detects each delimiter, quoted delimiters of the others notwithstanding', () => {
    expect(detectDelimiter('a;b;c\n"1,2";3;4\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1;2",3,4\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a|b|c\n1;2|x|y\n')).toBe('|');
  });

  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'Z', 'ç', 'ã', 'É', ' ', '"', ';', ',', '\t', '|', '\n', '\r\n', '1', '€', '“') , maxLength: 12 }),
    fc.constantFrom('', 'José', 'São Paulo, SP', 'x;y', '"quoted"'),
  );

  it('agrees with csv-parse on generated CSV in every delimiter and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(';', ',', '\t', '|'),
        fc.constantFrom('windows-1252', 'utf-8'),
        fc.constantFrom('\r\n', '\n'),
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 100 }),
        async (delimiter, encoding, eol, width, table, chunkSize) => {
          const header = ['Código', 'Nome', 'Obs', 'Data', 'Fone'].slice(0, width);
          const rows = table.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c.replace(/\s/g, '') !== ''));
          const text = [header, ...rows].map((r) => csvText(r, delimiter)).join(eol) + eol;
          const bytes = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'windows-1252');
          const { source, rows: read } = await readAll(bytes, chunkSize);
          const expected = (parse(text, { delimiter, relax_column_count: true }) as string[][]).slice(1);
          expect(source.header).toEqual(header);
          expect(read.map((r) => r.cells.map((c) => (source.shown ? source.shown(String(c)) : c)))).toEqual(expected);
          // Each row's line is where it starts in the file.
          const starts: number[] = [];
          let line = 2;
          for (const r of rows) {
            starts.push(line);
            line += r.join('').split('\n').length;
          }
          expect(read.map((r) => r.line)).toEqual(starts);
        },
      ),
      { numRuns: 150 },
    );
  });
});
