import { describe, expect, it } from 'vitest';
import { entityFromFileName, entityFromHeader } from './infer-entity.ts';

describe('entity inference', () => {
  it.each([
    ['Pacientes_2024.csv', 'pacientes'],
    ['/export/convênios.xlsx', 'convenios'],
    ['agenda.csv', 'agendamentos'],
    ['AGENDAMENTOS-clinica.txt', 'agendamentos'],
    ['modelos_documentos.csv', 'modelos_documentos'],
    ['Modelos de Prescrição.csv', 'modelos_prescricao'],
    ['documentos gerados.csv', 'documentos_gerados'],
    ['prontuarios.mdb', 'prontuarios'],
    ['tabela_procedimentos.csv', 'procedimentos'],
    ['export1.csv', null],
  ])('%s → %s', (file, entity) => {
    expect(entityFromFileName(file)).toBe(entity);
  });

  it('falls back to the header', () => {
    expect(entityFromHeader(['Cód. Paciente', 'Nome do Paciente', 'CPF', 'Data Nasc.'])).toBe('pacientes');
    expect(entityFromHeader(['Data/Hora', 'Cód. Paciente', 'Profissional', 'Situação'])).toBe('agendamentos');
    expect(entityFromHeader(['a', 'b'])).toBeNull();
  });
});
