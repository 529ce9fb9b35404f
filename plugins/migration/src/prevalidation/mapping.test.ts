import { describe, expect, it } from 'vitest';
import { ENTITIES } from './entities.ts';
import { applyTemplate, autoMap, scoreHeader } from './mapping.ts';

const fieldOf = (entity: Parameters<typeof autoMap>[0], header: string[]) =>
  Object.fromEntries(autoMap(entity, header).columns.map((m) => [m.column, m.field]));

describe('header mapping', () => {
  it('maps the abbreviations and synonyms legacy exports use', () => {
    expect(
      fieldOf('pacientes', ['Cód.', 'Nome', 'Data Nasc.', 'Sexo', 'R.G.', 'C.P.F.', 'Endereço', 'Fone', 'Cel.', 'E-mail', 'Convênio']),
    ).toEqual({
      'Cód.': 'codigo',
      Nome: 'nome',
      'Data Nasc.': 'data_nascimento',
      Sexo: 'sexo',
      'R.G.': 'rg',
      'C.P.F.': 'cpf',
      Endereço: 'endereco',
      Fone: 'telefone',
      'Cel.': 'celular',
      'E-mail': 'email',
      Convênio: 'convenio',
    });
    expect(fieldOf('pacientes', ['Dt. Nascimento', 'NOME_PACIENTE', 'Nº'])).toEqual({ 'Dt. Nascimento': 'data_nascimento', NOME_PACIENTE: 'nome', 'Nº': 'numero_endereco' });
    expect(fieldOf('pacientes', ['DataNascimento', 'TelCelular'])).toEqual({ DataNascimento: 'data_nascimento', TelCelular: 'celular' });
    expect(fieldOf('convenios', ['Código', 'Descrição'])).toEqual({ Código: 'codigo', Descrição: 'nome' });
    expect(fieldOf('procedimentos', ['Cód. Procedimento', 'Nome do Procedimento'])).toEqual({ 'Cód. Procedimento': 'codigo', 'Nome do Procedimento': 'nome' });
  });

  it('never maps by a bare substring', () => {
    const m = autoMap('pacientes', ['Email consent', 'Supplier number', 'Nome da mãe', 'Telefone do responsável', 'Aceita e-mail marketing']);
    expect(m.columns).toEqual([]);
    expect(m.unmapped).toHaveLength(5);
    expect(scoreHeader('pacientes', 'Email consent', ENTITIES.pacientes.fields.find((f) => f.key === 'email')!)).toBe(0);
    expect(scoreHeader('convenios', 'Supplier number', ENTITIES.convenios.fields.find((f) => f.key === 'nome')!)).toBe(0);
  });

  it('maps "Cód. Paciente" / "Cód. Convênio" / "Cód. Procedimento" to the reference in an entity that refers to another', () => {
    expect(fieldOf('agendamentos', ['Cód.', 'Data/Hora', 'Cód. Paciente', 'Cód. Convênio', 'Cód. Procedimento', 'Médico', 'Status'])).toEqual({
      'Cód.': 'codigo',
      'Data/Hora': 'data_hora',
      'Cód. Paciente': 'paciente',
      'Cód. Convênio': 'convenio',
      'Cód. Procedimento': 'procedimento',
      Médico: 'profissional',
      Status: 'situacao',
    });
    expect(fieldOf('pacientes', ['Cód. Paciente', 'Cód. Convênio'])).toEqual({ 'Cód. Paciente': 'codigo', 'Cód. Convênio': 'convenio' });
    expect(fieldOf('prontuarios', ['Data', 'Cód. Paciente', 'Profissional', 'Evolução'])).toEqual({ Data: 'data', 'Cód. Paciente': 'paciente', Profissional: 'profissional', Evolução: 'texto' });
  });

  it('gives each field at most one column and each column at most one field, best score first', () => {
    const m = autoMap('pacientes', ['Fone', 'Telefone', 'Nome', 'Nome do Paciente 2']);
    expect(m.columns.map((c) => [c.column, c.field])).toEqual([
      ['Telefone', 'telefone'],
      ['Nome', 'nome'],
    ]);
    expect(m.unmapped).toEqual(['Fone', 'Nome do Paciente 2']);
  });

  it('scores exact names above abbreviations and qualified names', () => {
    const field = ENTITIES.pacientes.fields.find((f) => f.key === 'telefone')!;
    const exact = scoreHeader('pacientes', 'Telefone', field);
    const abbreviated = scoreHeader('pacientes', 'Fone', field);
    const qualified = scoreHeader('pacientes', 'Telefone 2', field);
    expect(exact).toBe(1);
    expect(abbreviated).toBeLessThan(exact);
    expect(qualified).toBeLessThan(exact);
    expect(qualified).toBeGreaterThanOrEqual(0.5);
  });

  it('applies a saved template first, then maps the rest automatically', () => {
    const m = applyTemplate('pacientes', ['Campo 7', 'Nome', 'Fone'], { 'campo 7': 'cpf', fone: 'celular' });
    expect(m.columns.map((c) => [c.column, c.field, c.confidence])).toEqual([
      ['Campo 7', 'cpf', 1],
      ['Nome', 'nome', 1],
      ['Fone', 'celular', 1],
    ]);
  });

  it('keeps a column the template left out ("") out of the automatic mapping', () => {
    const m = applyTemplate('pacientes', ['Nome', 'RG', 'CPF'], { Nome: 'nome', RG: '' });
    expect(m.columns.map((c) => c.column)).toEqual(['Nome', 'CPF']);
    expect(m.unmapped).toEqual(['RG']);
  });
});
