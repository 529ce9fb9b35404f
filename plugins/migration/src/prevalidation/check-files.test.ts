import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFiles, type ErrorRow } from './check-files.ts';
import { patients } from './generator/tables.ts';
import { writeCsv } from './generator/write.ts';
import { UnusableInput } from './readers/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'precheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

describe('checkFiles', () => {
  it('streams 20,000 rows with flat memory and the exact counts', async () => {
    const defects = { cpf_invalido: 40, duplicado: 30, data_invalida: 20, telefone_invalido: 20, email_invalido: 10, sexo_invalido: 10 };
    const table = patients({ rows: 20_000, defects, blankCpf: 100 });
    const file = join(dir, 'pacientes.csv');
    await writeCsv(file, table, { encoding: 'windows-1252', delimiter: ';' });
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const [report] = await checkFiles([{ file }]);
    const ms = performance.now() - started;
    expect(report).toMatchObject({ entity: 'pacientes', rows: 20_000, valid: table.expected.valid, encoding: 'windows-1252', delimiter: ';' });
    expect(report!.errors).toEqual(Object.fromEntries(Object.entries(table.expected.errors).filter(([, n]) => n > 0)));
    expect(report!.warnings.cpf_em_branco).toBe(100);
    expect(ms).toBeLessThan(20_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('refuses a file whose quote is never closed by its name and the line, not with the CSV parser\'s error', async () => {
    const file = join(dir, 'cortado.csv');
    writeFileSync(file, 'Nome;CPF\r\nAna;529.982.247-25\r\n"Bia;1\r\n');
    await expect(checkFiles([{ file, entity: 'pacientes' }])).rejects.toThrow(
      new UnusableInput(`${file}: As aspas abertas na linha 3 não são fechadas até o fim do arquivo (o arquivo está cortado ou tem aspas a mais).`),
    );
  });

  it('counts a row once per kind, never calls an invalid CPF a duplicate, and not the first occurrence', async () => {
    const csv = [
      'Nome;CPF;Sexo;Nascimento',
      'Ana;529.982.247-25;F;01/01/1990', // first occurrence: valid
      'Bia;52998224725;X;31/02/1990', // duplicate + sexo + date: three kinds, one row
      'Caio;529.982.247-26;M;01/01/1990', // invalid CPF
      'Duda;529.982.247-26;F;01/01/1990', // the same invalid CPF again: still cpf_invalido only
      'Eva;111.111.111-11;F;00/00/0000', // all-equal CPF + placeholder date
      'Fábio;;M;', // blank CPF and birth date: warnings
      'Gil;529.982.247-25;M;1990-01-01', // duplicate again
    ].join('\r\n');
    const errorRows: ErrorRow[] = [];
    const [report] = await checkFiles([{ file: 'pacientes.csv', source: await (await import('./readers/csv-reader.ts')).openCsv(once(csv)) }], {
      onErrorRow: (row) => void errorRows.push(row),
    });
    expect(report!.rows).toBe(7);
    expect(report!.valid).toBe(2);
    expect(report!.errors).toEqual({ cpf_invalido: 3, duplicado: 2, data_invalida: 2, sexo_invalido: 1 });
    expect(report!.warnings).toEqual({ cpf_em_branco: 1, campo_opcional_vazio: 1 });
    expect(report!.samples.duplicado!.map((s) => [s.line, s.value])).toEqual([
      [3, '***.982.247-**'],
      [8, '***.982.247-**'],
    ]);
    expect(JSON.stringify(report!.samples)).not.toContain('529.982');
    expect(errorRows.map((r) => r.line)).toEqual([3, 4, 5, 6, 8]);
    expect(errorRows[0]!.issues.map((i) => i.reason)).toEqual([
      'CPF: ***.982.247-** repetido (já aparece em linha anterior)',
      'Sexo: sexo "X" não reconhecido (use M ou F)',
      'Data de nascimento: data inválida "31/02/1990" (use dd/mm/aaaa)',
    ]);
  });

  it('checks references only against the files given together, by code or name', async () => {
    const { openCsv } = await import('./readers/csv-reader.ts');
    const convenios = 'Código;Nome\n1;Unimed\n2;Particular\n';
    const pacientes = 'Código;Nome;Convênio\n10;Ana;1\n11;Bia;UNIMED\n12;Caio;9\n';
    const agenda = 'Data/Hora;Cód. Paciente;Profissional;Situação\n10/03/2024 10:00;10;Dr. Paulo;Atendido\n10/03/2024 11:00;99;Dr. Paulo;Em análise\n;11;Dra. Ana;Faltou\n';
    const together = await checkFiles([
      { file: 'agenda.csv', source: await openCsv(once(agenda)) },
      { file: 'pacientes.csv', source: await openCsv(once(pacientes)) },
      { file: 'convenios.csv', source: await openCsv(once(convenios)) },
    ]);
    expect(together.map((r) => [r.entity, r.valid, r.errors])).toEqual([
      ['agendamentos', 1, { referencia_inexistente: 1, campo_obrigatorio_ausente: 1 }],
      ['pacientes', 2, { referencia_inexistente: 1 }],
      ['convenios', 2, {}],
    ]);
    expect(together[0]!.warnings).toEqual({ situacao_desconhecida: 1 });
    expect(together[0]!.practitioners).toEqual([{ name: 'Dr. Paulo', rows: 2 }, { name: 'Dra. Ana', rows: 1 }]);
    const alone = await checkFiles([{ file: 'pacientes.csv', source: await openCsv(once(pacientes)) }]);
    expect(alone[0]).toMatchObject({ valid: 3, errors: {}, unchecked: ['convenios'] });
  });
});
