import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CLINIC_CSV_MAX_BYTES, type ClinicCsvResult, parseClinicCsv } from './clinic-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function accepted(result: ClinicCsvResult) {
  if (!result.ok) throw new Error(`file refused: ${result.fileErrors.join(' | ')}`);
  return result;
}

function refused(result: ClinicCsvResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.fileErrors;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('parseClinicCsv — fixtures', () => {
  it('reads a UTF-8 file with ";" (Excel pt-BR)', () => {
    const result = accepted(parseClinicCsv(fixture('clinicas-utf8-ponto-e-virgula.csv')));
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ';', ignoredColumns: [] });
    expect(result.rows.map((row) => [row.line, row.value, row.errors])).toEqual([
      [2, { name: 'Clínica São José', baseId: 1201, cnpj: '11222333000181', city: 'São Paulo', uf: 'SP' }, []],
      [3, { name: 'Consultório Dra. Ana Conceição', baseId: 1202, cnpj: null, city: 'Florianópolis', uf: 'SC' }, []],
      [4, { name: 'Clínica Sorriso; Unidade Centro', baseId: null, cnpj: '45678912000155', city: 'Maceió', uf: 'AL' }, []],
      [6, { name: 'Ótica & Saúde Ltda.', baseId: 1204, cnpj: '98765432000198', city: 'Goiânia', uf: 'GO' }, []],
    ]);
    expect(result.rows[0]?.input).toEqual({
      'Nome da clínica': 'Clínica São José',
      'ID da base': '1201',
      CNPJ: '11.222.333/0001-81',
      Cidade: 'São Paulo',
      UF: 'SP',
    });
  });

  it('reads a UTF-8 file with BOM and ","', () => {
    const result = accepted(parseClinicCsv(fixture('clinicas-utf8-bom.csv')));
    expect(result).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(result.rows.map((row) => row.value)).toEqual([
      { name: 'Clínica Açaí', baseId: null, cnpj: null, city: 'Belém', uf: 'PA' },
      { name: 'Centro Médico Ipê', baseId: null, cnpj: null, city: 'Brasília', uf: 'DF' },
    ]);
    expect(Object.keys(result.rows[0]?.input ?? {})).toEqual(['nome', 'cidade', 'uf']);
  });

  it('reads a Windows-1252 file with "," and accented names', () => {
    const bytes = fixture('clinicas-windows-1252-virgula.csv');
    expect(iconv.decode(bytes, 'windows-1252')).toContain('Clínica São Lucas,3001');
    const result = accepted(parseClinicCsv(bytes));
    expect(result).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
    expect(result.rows.map((row) => [row.line, row.value])).toEqual([
      [2, { name: 'Clínica São Lucas', baseId: 3001, cnpj: '31415926000171', city: 'Ribeirão Preto', uf: 'SP' }],
      [3, { name: 'Consultório Dr. João, Pediatria', baseId: 3002, cnpj: null, city: 'Maceió', uf: 'AL' }],
      [4, { name: 'CLÍNICA ÉDEN – UNIDADE 2', baseId: 3003, cnpj: null, city: 'Goiânia', uf: 'GO' }],
      [5, { name: 'Fisioterapia Ação', baseId: 3004, cnpj: null, city: 'São José dos Pinhais', uf: 'PR' }],
    ]);
  });

  it('gives each bad row its own errors and keeps good rows', () => {
    const result = accepted(parseClinicCsv(fixture('clinicas-linhas-invalidas.csv')));
    expect(result.ignoredColumns).toEqual(['observações']);
    const byLine = Object.fromEntries(result.rows.map((row) => [row.line, row.errors]));
    expect(byLine).toEqual({
      2: [],
      3: ['O nome da clínica é obrigatório.'],
      4: ['O CNPJ “24.681.357/0001-41” não é válido (os dígitos verificadores não conferem).'],
      5: ['A UF “XX” não é válida; use a sigla do estado (ex.: SP, MG).'],
      6: ['O id da base “20a5” não é válido: use apenas números (sem letras, pontos ou espaços).'],
      7: ['O id da base 2006 aparece mais de uma vez no arquivo (linhas 7 e 8).'],
      8: ['O id da base 2006 aparece mais de uma vez no arquivo (linhas 7 e 8).'],
      9: ['O CNPJ 13.579.246/0001-01 aparece mais de uma vez no arquivo (linhas 9 e 10).'],
      10: ['O CNPJ 13.579.246/0001-01 aparece mais de uma vez no arquivo (linhas 9 e 10).'],
      11: ['A linha tem 7 colunas preenchidas, mas o cabeçalho tem 6. Se algum texto contém “;”, coloque-o entre aspas.'],
      12: [
        'O CNPJ “1,35792E+13” foi convertido pelo Excel em notação científica; formate a coluna do CNPJ como texto e digite-o de novo.',
      ],
      13: [],
    });
    expect(result.rows.filter((row) => row.value !== undefined).map((row) => row.line)).toEqual([2, 13]);
    expect(result.rows[1]?.input).toEqual({ nome: '', id: '2002', cnpj: '', cidade: 'Santos', uf: 'SP', observações: 'sem nome' });
  });

  it('refuses a file without the name column', () => {
    expect(refused(parseClinicCsv(fixture('clinicas-sem-coluna-nome.csv')))).toEqual([
      'Falta a coluna obrigatória “nome” no cabeçalho (a primeira linha do arquivo). Nomes aceitos: “nome”, “nome da clínica”, “nome clínica”, “clínica”, “nome fantasia”, “nome da base”, “razão social”.',
    ]);
  });
});

describe('parseClinicCsv — generated files', () => {
  it('reads Windows-1252 bytes made on the fly, with ";"', () => {
    const bytes = iconv.encode('Nome;UF\r\nClínica Coração;RJ\r\nAção Saúde;MG\r\n', 'windows-1252');
    const result = accepted(parseClinicCsv(bytes));
    expect(result).toMatchObject({ encoding: 'windows-1252', delimiter: ';' });
    expect(result.rows.map((row) => row.value?.name)).toEqual(['Clínica Coração', 'Ação Saúde']);
  });

  it('skips an Excel "sep=" line and keeps real line numbers', () => {
    const result = accepted(parseClinicCsv(utf8('sep=,\nnome,uf\n\nA,SP\n')));
    expect(result.delimiter).toBe(',');
    expect(result.rows.map((row) => row.line)).toEqual([4]);
  });

  it('reports a multi-line quoted name on its first line', () => {
    const result = accepted(parseClinicCsv(utf8('nome;uf\n"Clínica\nA";SP\nB;XX\n')));
    expect(result.rows.map((row) => [row.line, row.value?.name ?? null, row.errors.length])).toEqual([
      [2, 'Clínica A', 0],
      [4, null, 1],
    ]);
  });

  it('accepts trailing empty columns that Excel adds', () => {
    const result = accepted(parseClinicCsv(utf8('nome;uf;;\nA;SP;;\nB;RJ\n')));
    expect(result.rows.every((row) => row.errors.length === 0)).toBe(true);
    expect(result.ignoredColumns).toEqual([]);
  });

  it('keeps messages short when thousands of rows repeat a CNPJ', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Clínica ${i + 1};11.222.333/0001-81`);
    const result = accepted(parseClinicCsv(utf8(`nome;cnpj\n${lines.join('\n')}\n`)));
    expect(result.rows[0]?.errors).toEqual([
      'O CNPJ 11.222.333/0001-81 aparece mais de uma vez no arquivo (linhas 2, 3, 4, 5, 6 e outras 19.995).',
    ]);
  });

  it('accepts exactly 20.000 clinics', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Clínica ${i + 1};${i + 1}`);
    const result = accepted(parseClinicCsv(utf8(`nome;id\n${lines.join('\n')}\n`)));
    expect(result.rows).toHaveLength(20_000);
    expect(result.rows.at(-1)).toMatchObject({ line: 20_001, value: { baseId: 20_000 } });
  });
});

describe('parseClinicCsv — refused files', () => {
  it.each([
    ['an empty file', Buffer.alloc(0), 'O arquivo está vazio.'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'O arquivo está vazio.'],
    ['only blank lines', utf8('\r\n\r\n  \r\n'), 'O arquivo está vazio.'],
    ['only the header', utf8('nome;cidade\n'), 'O arquivo só tem o cabeçalho; não há nenhuma clínica para cadastrar.'],
    [
      'a repeated header',
      utf8('nome;uf;UF\nA;SP;SP\n'),
      'A coluna “UF” aparece mais de uma vez no cabeçalho (colunas B e C); deixe só uma.',
    ],
    [
      'an unclosed quote',
      utf8('nome;uf\nA;SP\n"B;RJ\nC;MG\n'),
      'Não foi possível ler o arquivo: há aspas (") abertas e não fechadas a partir da linha 3.',
    ],
    ['an .xlsx renamed to .csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'planilha do Excel (.xlsx)'],
    ['UTF-16', iconv.encode('\uFEFFnome;uf\nA;SP\n', 'utf16le'), 'UTF-16'],
    ['an unknown encoding', iconv.encode('имя;город\nКлиника;Москва\n', 'windows-1251'), 'codificação'],
    ['a tab-separated file', utf8('nome\tuf\nA\tSP\n'), 'separado por tabulações'],
  ])('%s', (_name, bytes, message) => {
    const errors = refused(parseClinicCsv(bytes));
    expect(errors.join('\n')).toContain(message);
  });

  it('refuses more than 5 MB', () => {
    const bytes = Buffer.alloc(CLINIC_CSV_MAX_BYTES + 1, 0x61);
    expect(refused(parseClinicCsv(bytes))).toEqual([
      'O arquivo tem 5,1 MB; o limite é 5 MB. Divida-o em arquivos menores.',
    ]);
  });

  it('refuses more than 20.000 clinics', () => {
    const lines = Array.from({ length: 20_001 }, (_, i) => `C${i}`);
    expect(refused(parseClinicCsv(utf8(`nome\n${lines.join('\n')}\n`)))).toEqual([
      'O arquivo tem mais de 20.000 clínicas; o limite é 20.000 por envio. Divida-o em arquivos menores.',
    ]);
  });
});
