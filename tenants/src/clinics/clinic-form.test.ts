import { describe, expect, it } from 'vitest';
import { hasErrors, readClinicForm, wantsGeneratedId } from './clinic-form.ts';

describe('readClinicForm', () => {
  it('accepts a complete base and normalizes CNPJ and UF', () => {
    const { value, errors } = readClinicForm({
      name: '  Clínica  Nova ',
      baseId: '0042',
      cnpj: '11.222.333/0001-81',
      city: 'Campinas',
      uf: 'sp',
    });
    expect(errors).toEqual({});
    expect(value).toEqual({ name: 'Clínica Nova', baseId: 42, cnpj: '11222333000181', city: 'Campinas', uf: 'SP' });
  });

  it('keeps each message next to its own field', () => {
    const { errors } = readClinicForm({ name: '', baseId: '12a', cnpj: '11.222.333/0001-82', city: '', uf: 'XX' });
    expect(errors.name).toBe('O nome da clínica é obrigatório.');
    expect(errors.baseId).toMatch(/id da base “12a” não é válido/);
    expect(errors.cnpj).toMatch(/dígitos verificadores não conferem/);
    expect(errors.uf).toMatch(/UF “XX” não é válida/);
    expect(errors.city).toBeUndefined();
    expect(hasErrors(errors)).toBe(true);
  });

  it('treats optional fields left empty as null and asks for a generated id', () => {
    const input = { name: 'Clínica Só Nome', baseId: ' ', cnpj: '', city: '', uf: '' };
    const { value, errors } = readClinicForm(input);
    expect(hasErrors(errors)).toBe(false);
    expect(value).toEqual({ name: 'Clínica Só Nome', baseId: null, cnpj: null, city: null, uf: null });
    expect(wantsGeneratedId(input)).toBe(true);
    expect(wantsGeneratedId({ baseId: '7' })).toBe(false);
  });
});
