import { describe, expect, it } from 'vitest';
import { checkClinic, cleanText } from './clinic-row.ts';

describe('cleanText', () => {
  it('collapses every kind of space', () => {
    expect(cleanText('  Clínica\u00A0 São\n\tJosé  ')).toBe('Clínica São José');
    expect(cleanText(undefined)).toBe('');
  });
});

describe('checkClinic', () => {
  it('reads a complete clinic', () => {
    expect(
      checkClinic({ name: ' Clínica  Sorriso ', baseId: '0042', cnpj: '12.345.678/0001-95', city: 'São Paulo', uf: 'sp' }),
    ).toEqual({
      value: { name: 'Clínica Sorriso', baseId: 42, cnpj: '12345678000195', city: 'São Paulo', uf: 'SP' },
      errors: [],
    });
  });

  it('leaves optional fields null', () => {
    expect(checkClinic({ name: 'Clínica A', baseId: '', cnpj: ' ', uf: '' })).toEqual({
      value: { name: 'Clínica A', baseId: null, cnpj: null, city: null, uf: null },
      errors: [],
    });
  });

  it('accepts the state name as UF and an alphanumeric CNPJ', () => {
    expect(checkClinic({ name: 'A', uf: 'Minas Gerais', cnpj: '12.ABC.345/01DE-35' }).value).toMatchObject({
      uf: 'MG',
      cnpj: '12ABC34501DE35',
    });
  });

  it.each([
    [{ name: '' }, 'O nome da clínica é obrigatório.'],
    [{ name: '   ' }, 'O nome da clínica é obrigatório.'],
    [{ name: 'x'.repeat(151) }, 'O nome da clínica tem 151 caracteres; o máximo é 150.'],
    [{ name: 'A', baseId: '12a4' }, 'O id da base “12a4” não é válido: use apenas números (sem letras, pontos ou espaços).'],
    [{ name: 'A', baseId: '0' }, 'O id da base “0” não é válido: deve ser maior que zero.'],
    [{ name: 'A', cnpj: '12.345.678/0001-96' }, 'O CNPJ “12.345.678/0001-96” não é válido (os dígitos verificadores não conferem).'],
    [{ name: 'A', cnpj: '11.111.111/1111-11' }, 'O CNPJ “11.111.111/1111-11” não é válido (os dígitos verificadores não conferem).'],
    [
      { name: 'A', cnpj: '191' },
      'O CNPJ “191” tem 3 dígitos; deve ter 14. Se o arquivo passou pelo Excel, os zeros à esquerda podem ter sido removidos (formate a coluna como texto).',
    ],
    [
      { name: 'A', cnpj: '1,23457E+13' },
      'O CNPJ “1,23457E+13” foi convertido pelo Excel em notação científica; formate a coluna do CNPJ como texto e digite-o de novo.',
    ],
    [{ name: 'A', cnpj: 'não tem' }, 'O CNPJ “não tem” não é válido: deve ter 14 dígitos (ex.: 12.345.678/0001-95).'],
    [{ name: 'A', city: 'c'.repeat(101) }, 'O nome da cidade tem 101 caracteres; o máximo é 100.'],
    [{ name: 'A', uf: 'XX' }, 'A UF “XX” não é válida; use a sigla do estado (ex.: SP, MG).'],
  ])('%j → %s', (input, message) => {
    expect(checkClinic(input).errors).toEqual([message]);
  });

  it('reports every problem of a row at once', () => {
    const { errors, value } = checkClinic({ name: '', baseId: 'abc', cnpj: '123', uf: 'ZZ' });
    expect(errors).toHaveLength(4);
    expect(value).toEqual({ name: '', baseId: null, cnpj: null, city: null, uf: null });
  });
});
