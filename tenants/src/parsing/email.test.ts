import { describe, expect, it } from 'vitest';
import { isValidEmail, normalizeEmail } from './email.ts';

describe('normalizeEmail', () => {
  it.each([
    ['fulano@clinica.com.br', 'fulano@clinica.com.br'],
    ['  Fulano.Silva@Clinica.COM.BR ', 'fulano.silva@clinica.com.br'],
    ['ana+unimed@exemplo.com', 'ana+unimed@exemplo.com'],
    ["o'brien@exemplo.org", "o'brien@exemplo.org"],
    ['recepcao_2@sub.dominio-x.med.br', 'recepcao_2@sub.dominio-x.med.br'],
    ['a@xn--clnica-gva.com.br', 'a@xn--clnica-gva.com.br'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });

  it.each([
    '',
    'fulano',
    'fulano@',
    '@clinica.com.br',
    'fulano@clinica',
    'fulano@@clinica.com.br',
    'fulano@clinica..com.br',
    'fulano.@clinica.com.br',
    '.fulano@clinica.com.br',
    'ful..ano@clinica.com.br',
    'fulano silva@clinica.com.br',
    'joão@clinica.com.br',
    'fulano@clínica.com.br',
    'fulano@-clinica.com.br',
    'fulano@clinica.c',
    'fulano@clinica.123',
    'fulano@[192.168.0.1]',
    `${'a'.repeat(65)}@clinica.com.br`,
    `a@${'b'.repeat(250)}.com`,
  ])('%j → null', (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });

  it('isValidEmail expects an already normalized address', () => {
    expect(isValidEmail('Fulano@clinica.com.br')).toBe(false);
    expect(isValidEmail('fulano@clinica.com.br')).toBe(true);
  });
});
