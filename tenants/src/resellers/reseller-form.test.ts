import { describe, expect, it } from 'vitest';
import { readResellerForm } from './reseller-form.ts';

describe('readResellerForm', () => {
  it('keeps leading zeros of the code and collapses spaces in the name', () => {
    expect(readResellerForm({ code: ' 0303 ', name: ' Unimed   Litoral ' })).toEqual({
      value: { code: '0303', name: 'Unimed Litoral' },
      errors: {},
    });
  });

  it('explains each problem next to its field', () => {
    const { errors } = readResellerForm({ code: '03A', name: '' });
    expect(errors.code).toBe('O id reseller “03A” não é válido: use apenas números.');
    expect(errors.name).toBe('O nome da singular é obrigatório.');
    expect(readResellerForm({ code: '12345678901', name: 'x'.repeat(121) }).errors).toEqual({
      code: 'O id reseller tem 11 dígitos; o máximo é 10.',
      name: 'O nome tem 121 caracteres; o máximo é 120.',
    });
    expect(readResellerForm({}).errors.code).toBe('O id reseller é obrigatório.');
  });
});
