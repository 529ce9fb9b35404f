import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { type ConfirmedFile, validRowsOf } from './confirmed-rows.ts';
import type { RequestFileRow } from './file-rows.ts';
import type { StoredFiles } from './stored-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'confirmed-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A directory of files named by id: the plugin store's read(), on disk.
const store: StoredFiles = { read: async (id) => createReadStream(join(dir, id)) };

let nextId = 1;
function stored(name: string, bytes: Buffer | string, entity: string, extra: Partial<RequestFileRow> = {}): RequestFileRow {
  const id = nextId++;
  writeFileSync(join(dir, `f${id}`), bytes);
  return {
    resellerId: 1, id, requestId: 1, clinicId: 1, entity, fileRef: `f${id}`, format: 'csv', originalName: name, sizeBytes: 0, sha256: '',
    encoding: null, delimiter: null, sheet: null, header: null, mapping: null, legacySystemId: null, status: 'confirmado', rows: null, validRows: null,
    report: null, history: [], errorsRef: null, jobId: null, correctsFileId: null, uploadedByUserId: null, uploadedByName: 'Ana', uploadedAt: new Date(),
    confirmedByUserId: null, confirmedByName: null, confirmedAt: null, ...extra,
  };
}

const collect = async <T>(it: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('validRowsOf', () => {
  const patientsCsv = iconv.encode(
    [
      'Cód. Paciente;Nome do Paciente;Data Nasc.;Sexo;CPF;Fone;Cód. Convênio',
      '1;José Araújo;15/03/1980;masc;529.982.247-25;(11) 3333-4444;10',
      '2;Maria;31/02/1990;F;;;10', // impossible date: invalid
      '3;Lúcia;1985-07-01;fem;;(21) 98888-7777;99', // convênio 99 does not exist
      '4;Ênio;01/01/2000;M;;;10',
    ].join('\r\n'),
    'windows-1252',
  );

  it('yields only valid rows, source by column, values normalised, Windows-1252 text right', async () => {
    const file: ConfirmedFile = { ...stored('pacientes.csv', patientsCsv, 'pacientes'), corrections: [] };
    const rows = await collect(validRowsOf({ files: store }, file));
    // Without the convênios file the reference is not checked: rows 1, 3 and 4 are valid.
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(rows[0]!.source['Nome do Paciente']).toBe('José Araújo');
    expect(rows[0]!.values).toMatchObject({ codigo: '1', nome: 'José Araújo', data_nascimento: '1980-03-15', sexo: 'M', cpf: '52998224725', telefone: '1133334444' });
    expect(rows[1]!.values.data_nascimento).toBe('1985-07-01');
    expect(rows[1]!.values).not.toHaveProperty('cpf');
  });

  it('checks references against the other confirmed files and merges corrected rows by line', async () => {
    const convenios = { ...stored('convenios.csv', 'Código;Nome\r\n10;Unimed\r\n', 'convenios'), corrections: [] };
    const root = stored('pacientes.csv', patientsCsv, 'pacientes');
    // The error CSV, edited: line 3 gets a real date, line 4 a known convênio ("Motivos" is ignored).
    const fix = stored(
      'pacientes.erros.csv',
      '\ufeffLinha;Cód. Paciente;Nome do Paciente;Data Nasc.;Sexo;CPF;Fone;Cód. Convênio;Motivos\r\n3;2;Maria;28/02/1990;F;;;10;Data inválida\r\n4;3;Lúcia;1985-07-01;fem;;(21) 98888-7777;10;Referência\r\n',
      'pacientes',
      { correctsFileId: root.id, status: 'verificado' },
    );
    const file: ConfirmedFile = { ...root, corrections: [fix] };
    const rows = await collect(validRowsOf({ files: store, requestFiles: [convenios, file] }, file));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(rows[1]!.values.data_nascimento).toBe('1990-02-28');
    expect(rows[2]!.values.convenio).toBe('10');

    const withoutFix: ConfirmedFile = { ...root, corrections: [] };
    const before = await collect(validRowsOf({ files: store, requestFiles: [convenios, withoutFix] }, withoutFix));
    expect(before.map((r) => r.line)).toEqual([2, 5]);
  });

  it('stops reading when the consumer stops', async () => {
    const many = ['Código;Nome', ...Array.from({ length: 5000 }, (_, i) => `${i + 1};Convênio ${i + 1}`)].join('\n');
    const file: ConfirmedFile = { ...stored('convenios.csv', many, 'convenios'), corrections: [] };
    let n = 0;
    for await (const row of validRowsOf({ files: store }, file)) {
      expect(row.values.codigo).toBe(String(n + 1));
      if (++n === 10) break;
    }
    expect(n).toBe(10);
  });
});
