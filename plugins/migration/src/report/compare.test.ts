import { describe, expect, it } from 'vitest';
import { canonical, compareRecord } from './compare.ts';

describe('the mirror test comparison, field by field', () => {
  const source = {
    'Cód.': '17',
    'Nome do Paciente': 'José da Conceição',
    'Data Nasc.': '29/02/1980',
    CPF: '529.982.247-25',
    Sexo: 'Masculino',
    Complemento: '',
  };

  it('pairs each field with its legacy column and sees the allowed normalisations as equal', () => {
    const rows = compareRecord('pacientes', source, { codigo: '17', nome: 'José da Conceição', data_nascimento: '1980-02-29', cpf: '52998224725', sexo: 'M', complemento: null });
    expect(rows.map((r) => [r.field, r.column, r.differs])).toEqual([
      ['codigo', 'Cód.', false],
      ['nome', 'Nome do Paciente', false],
      ['data_nascimento', 'Data Nasc.', false],
      ['sexo', 'Sexo', false],
      ['cpf', 'CPF', false],
      ['complemento', 'Complemento', false],
    ]);
  });

  it('highlights a lost accent, a shifted date, a cut text and a value the source did not have', () => {
    const rows = compareRecord('pacientes', source, { codigo: '17', nome: 'Jose da Conceicao', data_nascimento: '1980-03-01', cpf: '52998224725', sexo: 'M', complemento: 'Apto', extra: 'x' });
    expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual(['nome', 'data_nascimento', 'complemento', 'extra']);
  });

  it('canonical forms', () => {
    expect(canonical('01/02/2024 00:00:00', 'data')).toBe('2024-02-01');
    expect(canonical('2024-02-01T10:30:00Z', 'data_hora')).toBe('2024-02-01 10:30');
    expect(canonical('01/02/2024 10:30', 'data_hora')).toBe('2024-02-01 10:30');
    expect(canonical('  a   b ', 'texto')).toBe('a b');
    expect(canonical(null, 'texto')).toBe('');
  });
});
