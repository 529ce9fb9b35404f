import { describe, expect, it } from 'vitest';
import { columnLetter, headerKey, mapClinicColumns } from './clinic-csv-columns.ts';

describe('headerKey', () => {
  it.each([
    ['Nome', 'nome'],
    ['  NOME DA CLÍNICA ', 'nome da clinica'],
    ['Nome*', 'nome'],
    ['CNPJ (opcional)', 'cnpj'],
    ['ID_BASE', 'id base'],
    ['id-da-base', 'id da base'],
    ['Município:', 'municipio'],
    ['Razão Social', 'razao social'],
  ])('%j → %j', (input, expected) => {
    expect(headerKey(input)).toBe(expected);
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [3, 'D'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%d → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('mapClinicColumns', () => {
  it('maps the canonical headers', () => {
    expect(mapClinicColumns(['nome', 'id da base', 'cnpj', 'cidade', 'uf'])).toMatchObject({
      ok: true,
      fieldIndex: { name: 0, baseId: 1, cnpj: 2, city: 3, uf: 4 },
      ignored: [],
    });
  });

  it.each([
    [['Nome da Clínica', 'ID', 'CNPJ', 'Município', 'Estado'], { name: 0, baseId: 1, cnpj: 2, city: 3, uf: 4 }],
    [['UF', 'clinica', 'ID_BASE'], { uf: 0, name: 1, baseId: 2 }],
    [['Razão social', 'Base'], { name: 0, baseId: 1 }],
    [['NOME FANTASIA*', 'Cód. da base'], { name: 0, baseId: 1 }],
  ])('matches aliases %j', (header, fieldIndex) => {
    expect(mapClinicColumns(header)).toMatchObject({ ok: true, fieldIndex });
  });

  it('lists unknown columns as ignored and skips untitled ones', () => {
    expect(mapClinicColumns(['nome', 'Observações', '', ' '])).toEqual({
      ok: true,
      columns: [
        { index: 0, header: 'nome', field: 'name' },
        { index: 1, header: 'Observações', field: null },
      ],
      fieldIndex: { name: 0 },
      ignored: ['Observações'],
    });
  });

  it('refuses a header without the name column', () => {
    expect(mapClinicColumns(['cidade', 'uf'])).toEqual({
      ok: false,
      errors: [
        'Falta a coluna obrigatória “nome” no cabeçalho (a primeira linha do arquivo). Nomes aceitos: “nome”, “nome da clínica”, “nome clínica”, “clínica”, “nome fantasia”, “nome da base”, “razão social”.',
      ],
    });
  });

  it('refuses a repeated header', () => {
    expect(mapClinicColumns(['nome', 'cidade', 'Cidade'])).toEqual({
      ok: false,
      errors: ['A coluna “Cidade” aparece mais de uma vez no cabeçalho (colunas B e C); deixe só uma.'],
    });
  });

  it('prefers the first alias when several columns fit one field', () => {
    expect(mapClinicColumns(['Razão social', 'Nome fantasia', 'ID', 'ID da base', 'Município', 'Cidade'])).toMatchObject({
      ok: true,
      fieldIndex: { name: 1, baseId: 3, city: 5 },
      ignored: ['Razão social', 'ID', 'Município'],
    });
  });
});
