import { describe, expect, it } from 'vitest';
import { formatCnpj, isValidCnpj, normalizeCnpj } from './cnpj.ts';

describe('normalizeCnpj', () => {
  it.each([
    ['12.345.678/0001-95', '12345678000195'],
    ['12345678000195', '12345678000195'],
    ['  00.000.000/0001-91 ', '00000000000191'],
    ['12345678/0001-95', '12345678000195'],
    ['12.abc.345/01de-35', '12ABC34501DE35'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCnpj(input)).toBe(expected);
  });

  it.each([
    '',
    '1234567800019',
    '123456780001950',
    '12,345,678/0001-95',
    '12.345.678/0001-9X',
    'CNPJ 12.345.678/0001-95',
    '1,23457E+13',
  ])('%j → null', (input) => {
    expect(normalizeCnpj(input)).toBeNull();
  });
});

describe('isValidCnpj', () => {
  it.each([
    ['00000000000191', 'Banco do Brasil'],
    ['33000167000101', 'Petrobras'],
    ['00360305000104', 'Caixa Econômica Federal'],
    ['60701190000104', 'Itaú Unibanco'],
    ['60746948000112', 'Bradesco'],
    ['11222333000181', 'exemplo clássico'],
    ['12345678000195', 'exemplo do pedido'],
    ['12ABC34501DE35', 'alfanumérico, exemplo da Receita Federal'],
  ])('%s is valid (%s)', (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(true);
  });

  it.each([
    ['00000000000192', 'second check digit wrong'],
    ['00000000000181', 'first check digit wrong'],
    ['33000167000110', 'digits swapped'],
    ['00000000000000', 'all zeros'],
    ['11111111111111', 'all same digit'],
    ['99999999999999', 'all same digit'],
    ['12ABC34501DE36', 'alfanumérico with wrong digit'],
    ['12ABC34501DE3A', 'letter in check digit'],
    ['12.345.678/0001-95', 'not normalized'],
    ['1234567800019', 'too short'],
    ['12abc34501de35', 'lower case is not normalized'],
  ])('%s is invalid (%s)', (cnpj) => {
    expect(isValidCnpj(cnpj)).toBe(false);
  });
});

describe('formatCnpj', () => {
  it.each([
    ['12345678000195', '12.345.678/0001-95'],
    ['00000000000191', '00.000.000/0001-91'],
    ['12.345.678/0001-95', '12.345.678/0001-95'],
    ['12ABC34501DE35', '12.ABC.345/01DE-35'],
    ['123', '123'],
  ])('%s → %s', (input, expected) => {
    expect(formatCnpj(input)).toBe(expected);
  });
});
