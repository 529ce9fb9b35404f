import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { agendamentos, convenios, patients, procedimentos } from '../prevalidation/generator/tables.ts';
import { writeCsv, writeXlsx } from '../prevalidation/generator/write.ts';
import { runCli } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'migration-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err, json: () => JSON.parse(out) as { files: Array<Record<string, unknown> & { errors: Record<string, number> }> } };
}

const defects = {
  campo_obrigatorio_ausente: 3,
  cpf_invalido: 7,
  data_invalida: 5,
  sexo_invalido: 4,
  email_invalido: 6,
  telefone_invalido: 5,
  duplicado: 4,
  referencia_inexistente: 3,
  valor_invalido: 2,
};

describe('migration:check against generated legacy exports', () => {
  const formats = [
    { name: 'Windows-1252 ;', file: 'Pacientes_2024.csv', format: { encoding: 'windows-1252', delimiter: ';' }, encoding: 'windows-1252', delimiter: ';' },
    { name: 'UTF-8 BOM ,', file: 'pacientes-utf8.csv', format: { encoding: 'utf-8-bom', delimiter: ',' }, encoding: 'utf-8', delimiter: ',' },
    { name: 'UTF-8 tab, LF', file: 'pacientes.txt', format: { encoding: 'utf-8', delimiter: '\t', eol: '\n' }, encoding: 'utf-8', delimiter: '\t' },
    { name: 'Windows-1252 |', file: 'cadastro de pacientes.csv', format: { encoding: 'windows-1252', delimiter: '|' }, encoding: 'windows-1252', delimiter: '|' },
  ] as const;

  for (const f of formats) {
    it(`reports exactly the generated defects (${f.name}, quoted multi-line fields, CRLF)`, async () => {
      const table = patients({ rows: 400, defects, blankCpf: 9, convenios: 10, headers: f.name.includes('|') ? 'snake' : 'classic', seed: f.file.length });
      const path = join(dir, f.file);
      await writeCsv(path, table, f.format);
      const convPath = join(dir, 'convênios.csv');
      await writeCsv(convPath, convenios(10), { encoding: 'windows-1252', delimiter: ';' });
      const result = await cli('--json', path, convPath);
      expect(result.code).toBe(0);
      const [report, conv] = result.json().files;
      expect(report).toMatchObject({ file: path, entity: 'pacientes', encoding: f.encoding, delimiter: f.delimiter, rows: 400, valid: table.expected.valid });
      expect(report!.errors).toEqual(table.expected.errors);
      expect(conv).toMatchObject({ entity: 'convenios', rows: 10, valid: 10 });
      expect((report!.warnings as Record<string, number>).cpf_em_branco).toBe(9);
    });
  }

  it('reads the first sheet of an XLSX (delimiter null) and the references across files of one call', async () => {
    const table = patients({ rows: 300, defects, convenios: 5, seed: 7 });
    await writeXlsx(join(dir, 'pacientes.xlsx'), table);
    await writeCsv(join(dir, 'convenios.csv'), convenios(5), { encoding: 'utf-8', delimiter: ';' });
    await writeCsv(join(dir, 'procedimentos.csv'), procedimentos(20), { encoding: 'windows-1252', delimiter: ';' });
    const appts = agendamentos({ rows: 500, patients: 300, convenios: 5, procedimentos: 20, defects: { referencia_inexistente: 6, data_invalida: 3, campo_obrigatorio_ausente: 2 }, unknownStatus: 4 });
    await writeCsv(join(dir, 'agenda.csv'), appts, { encoding: 'windows-1252', delimiter: ';' });
    const result = await cli('--json', join(dir, 'agenda.csv'), join(dir, 'pacientes.xlsx'), join(dir, 'convenios.csv'), join(dir, 'procedimentos.csv'));
    expect(result.code).toBe(0);
    const [a, p] = result.json().files;
    expect(p).toMatchObject({ entity: 'pacientes', encoding: 'utf-8', delimiter: null, rows: 300, valid: table.expected.valid });
    expect(p!.errors).toEqual(table.expected.errors);
    expect(a).toMatchObject({ entity: 'agendamentos', rows: 500, valid: appts.expected.valid });
    expect(a!.errors).toEqual(appts.expected.errors);
    expect((a!.warnings as Record<string, number>).situacao_desconhecida).toBe(4);
    expect((a!.practitioners as Array<{ name: string }>).map((x) => x.name).sort()).toEqual(['Dr. Carlos Mendes', 'Dr. Paulo Sá', 'Dra. Helena Prado']);
  });

  it('does not check references to an entity whose file was not given', async () => {
    const table = patients({ rows: 100, defects: { referencia_inexistente: 5, cpf_invalido: 2 }, seed: 3 });
    await writeCsv(join(dir, 'so-pacientes.csv'), table, { encoding: 'windows-1252', delimiter: ';' });
    const [report] = (await cli('--json', `pacientes=${join(dir, 'so-pacientes.csv')}`)).json().files;
    expect(report!.errors.referencia_inexistente).toBe(0);
    expect(report!.errors.cpf_invalido).toBe(2);
    expect(report!.valid).toBe(98);
    expect(report!.unchecked).toEqual(['convenios']);
  });

  it('maps the legacy headers and leaves consent columns unmapped', async () => {
    await writeCsv(join(dir, 'p.csv'), patients({ rows: 5, headers: 'snake' }), { encoding: 'utf-8', delimiter: ';' });
    const [report] = (await cli('--json', `pacientes=${join(dir, 'p.csv')}`)).json().files;
    const fields = Object.fromEntries((report!.mapping as Array<{ column: string; field: string }>).map((m) => [m.column, m.field]));
    expect(fields).toMatchObject({ ID: 'codigo', NOME_COMPLETO: 'nome', DT_NASCIMENTO: 'data_nascimento', NUM_CPF: 'cpf', TEL_CELULAR: 'celular', EMAIL: 'email', CONVENIO: 'convenio' });
    expect(report!.unmapped).toEqual(expect.arrayContaining(['EMAIL_CONSENT', 'OBS']));
  });

  it('writes the error CSV: line, the row, the reasons in pt-BR', async () => {
    const csv = 'Nome;CPF;Observações\r\nAna;529.982.247-25;"linha 1\r\nlinha 2"\r\n;123;x\r\n';
    writeFileSync(join(dir, 'pacientes-erros.csv'), iconv.encode(csv, 'windows-1252'));
    const errors = join(dir, 'erros');
    const result = await cli('--errors', errors, join(dir, 'pacientes-erros.csv'));
    expect(result.code).toBe(0);
    expect(result.out).toContain('Linhas: 2 · válidas: 1 (50%)');
    const written = readFileSync(join(errors, 'pacientes-erros.erros.csv'), 'utf8');
    expect(written).toBe('\uFEFFLinha;Nome;CPF;Observações;Motivos\r\n4;;123;x;"Nome: campo obrigatório em branco; CPF: CPF inválido ***"\r\n');
  });

  it('exits 2 with a pt-BR message on unusable input', async () => {
    writeFileSync(join(dir, 'vazio.csv'), '');
    writeFileSync(join(dir, 'dados.csv'), '1;2;3\r\n4;5;6\r\n');
    expect(await cli('--json', join(dir, 'vazio.csv'))).toMatchObject({ code: 2, out: '', err: expect.stringContaining('está vazio') });
    expect(await cli('--json', join(dir, 'nao-existe.csv'))).toMatchObject({ code: 2, out: '', err: expect.stringContaining('não encontrado') });
    expect(await cli('--json', `clientes=${join(dir, 'dados.csv')}`)).toMatchObject({ code: 2, err: expect.stringContaining('Entidade desconhecida') });
    expect(await cli('--json', `pacientes=${join(dir, 'dados.csv')}`)).toMatchObject({ code: 2, err: expect.stringContaining('nenhuma coluna') });
    expect(await cli('--json', join(dir, 'dados.csv'))).toMatchObject({ code: 2, err: expect.stringContaining('informe-a') });
  });
});
