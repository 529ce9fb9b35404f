import { describe, expect, it } from 'vitest';
import { countRows } from './counts.ts';

describe('the counts of a test report', () => {
  it('agree when every valid row is staged or refused and the staging holds what the load recorded', () => {
    const rows = countRows({ pacientes: { source: 12, valid: 10, staged: 9, rejected: 1 } }, { pacientes: 9 }, null);
    expect(rows).toEqual([{ entity: 'pacientes', source: 12, valid: 10, staged: 9, inStaging: 9, rejected: 1, problems: [], diff: null }]);
  });

  it('flag staging that lost rows and loads whose numbers do not add up', () => {
    const [row] = countRows({ convenios: { valid: 5, staged: 5, rejected: 1 } }, { convenios: 4 }, null);
    expect(row!.problems).toEqual(['A carga registrou 5 linhas carregadas, mas a homologação tem 4.', '5 linhas válidas, mas 5 carregadas e 1 recusadas.']);
  });

  it('give version N+1 the difference of each count against version N', () => {
    const rows = countRows(
      { pacientes: { valid: 12, staged: 12, rejected: 0 }, agendamentos: { valid: 3, staged: 3, rejected: 0 } },
      { pacientes: 12, agendamentos: 3 },
      { counts: { pacientes: { valid: 10, staged: 9, rejected: 1 } }, inStaging: { pacientes: 9 } },
    );
    expect(rows.map((r) => [r.entity, r.diff])).toEqual([
      ['pacientes', { valid: 2, inStaging: 3, rejected: -1 }],
      ['agendamentos', null],
    ]);
  });
});
