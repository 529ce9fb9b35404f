import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { toMachineCsv } from '@painel/core/plugin';
import { buildManifest, manifestBytes, type PackageFile } from './manifest.ts';
import { countCsvRows, verifyPackage } from './verify-package.ts';
import { zipStream } from './zip-stream.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function describeFile(name: string, entity: PackageFile['entity'], bytes: Buffer, rows: number): PackageFile {
  return { name, entity, rows, bytes: bytes.length, sha256: sha(bytes) };
}

describe('the final package as a streamed zip', () => {
  const pacientes = Buffer.from(
    toMachineCsv(
      ['codigo', 'nome', 'observacoes'],
      [
        ['1', 'José da Conceição', 'linha 1\r\nlinha 2, com vírgula e "aspas"'],
        ['2', 'Ana', ''],
      ],
    ),
    'utf8',
  );
  // A bigger entity, read lazily from a stream in small chunks.
  const many = Array.from({ length: 20_000 }, (_, i) => [String(i + 1), `Convênio ${i + 1}`]);
  const convenios = Buffer.from(toMachineCsv(['codigo', 'nome'], many), 'utf8');
  const files = [describeFile('pacientes.csv', 'pacientes', pacientes, 2), describeFile('convenios.csv', 'convenios', convenios, 20_000)];
  const manifest = buildManifest({
    request: 7,
    clinic: { id: 1001, name: 'Clínica Demo Centro' },
    reseller: { id: 1, name: 'Singular Demo' },
    version: 2,
    createdAt: '2026-05-01T12:00:00.000Z',
    files,
  });

  const zipOf = (contents: Record<string, Buffer>, m = manifest) => {
    const opened: string[] = [];
    const stream = zipStream(
      [
        ...m.files.map((f) => ({
          name: f.name,
          open: async () => {
            opened.push(f.name);
            return Readable.from((function* () {
              const b = contents[f.name]!;
              for (let i = 0; i < b.length; i += 4096) yield b.subarray(i, i + 4096);
            })());
          },
        })),
        { name: 'manifest.json', bytes: manifestBytes(m) },
      ],
      new Date('2026-05-01T12:00:00Z'),
    );
    return { stream, opened };
  };

  it('unzips to the manifest and CSVs whose SHA-256, sizes and row counts verify', async () => {
    const { stream, opened } = zipOf({ 'pacientes.csv': pacientes, 'convenios.csv': convenios });
    const zip = await buffer(stream);
    expect(opened).toEqual(['pacientes.csv', 'convenios.csv']); // each file opened once, in turn
    expect(zip.length).toBeLessThan(convenios.length); // deflated
    const out = await verifyPackage(zip);
    expect(out.problems).toEqual([]);
    expect(out.manifest!.files.map((f) => [f.name, f.rows])).toEqual([
      ['pacientes.csv', 2],
      ['convenios.csv', 20_000],
    ]);
    expect(out.manifest!.csv).toEqual({ encoding: 'UTF-8', bom: false, delimiter: ',', lineEnd: 'CRLF', standard: 'RFC 4180' });
    expect(out.files.get('pacientes.csv')!.equals(pacientes)).toBe(true);
    expect(out.files.get('pacientes.csv')!.toString('utf8')).toContain('José da Conceição,"linha 1\r\nlinha 2, com vírgula e ""aspas"""');
  });

  it('reports a file whose bytes differ from the manifest', async () => {
    const tampered = Buffer.from(pacientes.toString('utf8').replace('Ana', 'Ane'), 'utf8');
    const { stream } = zipOf({ 'pacientes.csv': tampered, 'convenios.csv': convenios });
    const out = await verifyPackage(await buffer(stream));
    expect(out.problems).toEqual([expect.stringMatching(/^pacientes\.csv: SHA-256 [0-9a-f]{64} difere do manifesto/)]);
  });

  it('counts data rows outside quotes only', () => {
    expect(countCsvRows(pacientes)).toBe(2);
    expect(countCsvRows(Buffer.from('a,b\r\n'))).toBe(0);
  });
});
