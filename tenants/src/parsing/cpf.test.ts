import { describe, expect, it } from 'vitest';
import { formatCpf, isValidCpf, normalizeCpf } from './cpf.ts';

describe('normalizeCpf', () => {
  it.each([
    ['529.982.247-25', '52998224725'],
    ['52998224725', '52998224725'],
    [' 111.444.777-35 ', '11144477735'],
    ['111444777-35', '11144477735'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCpf(input)).toBe(expected);
  });

  it.each(['', '5299822472', '529982247250', '529.982.247/25', 'abc.def.ghi-jk', '529 982 247 2X'])(
    '%j → null',
    (input) => {
      expect(normalizeCpf(input)).toBeNull();
    },
  );
});

describe('isValidCpf', () => {
  it.each(['52998224725', '11144477735', '12345678909', '39053344705', '00000000191'])(
    '%s is valid',
    (cpf) => {
      expect(isValidCpf(cpf)).toBe(true);
    },
  );

  it.each([
    ['52998224726', 'second check digit wrong'],
    ['52998224715', 'first check digit wrong'],
    ['12345678900', 'wrong check digits'],
    ['00000000000', 'all zeros'],
    ['11111111111', 'all same digit (passes the sum)'],
    ['99999999999', 'all same digit'],
    ['529.982.247-25', 'not normalized'],
    ['5299822472', 'too short'],
  ])('%s is invalid (%s)', (cpf) => {
    expect(isValidCpf(cpf)).toBe(false);
  });
});

describe('formatCpf', () => {
  it.each([
    ['52998224725', '529.982.247-25'],
    ['529.982.247-25', '529.982.247-25'],
    ['123', '123'],
  ])('%s → %s', (input, expected) => {
    expect(formatCpf(input)).toBe(expected);
  });
});
