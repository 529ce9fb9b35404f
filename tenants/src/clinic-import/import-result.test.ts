import { describe, expect, it } from 'vitest';
import type { ImportPlan } from './import-plan.ts';
import { importResultCsv, importResultRows } from './import-result.ts';

const plan: ImportPlan = {
  validCount: 2,
  errorCount: 1,
  rows: [
    { line: 2, input: { nome: 'Clínica A' }, value: { name: 'Clínica A', baseId: 7001, cnpj: null, city: null, uf: null }, errors: [] },
    { line: 3, input: { nome: '=Clínica B' }, value: null, errors: ['UF “XX” não existe.', 'CNPJ inválido.'] },
    { line: 4, input: { nome: 'Clínica C' }, value: { name: 'Clínica C', baseId: null, cnpj: null, city: null, uf: null }, errors: [] },
  ],
};

describe('import result', () => {
  it('pairs every row of the file with the base it created or why it was skipped', () => {
    const rows = importResultRows(plan, [{ baseId: 7001 }, { baseId: 2003 }], { name: 'nome' });
    expect(rows).toEqual([
      { line: 2, name: 'Clínica A', baseId: 7001, problems: [] },
      { line: 3, name: '=Clínica B', baseId: null, problems: ['UF “XX” não existe.', 'CNPJ inválido.'] },
      { line: 4, name: 'Clínica C', baseId: 2003, problems: [] },
    ]);
    expect(importResultCsv(rows).split('\r\n')).toEqual([
      '\uFEFFLinha;Nome;Id da base;Resultado;Erros',
      '2;Clínica A;7001;criada;',
      "3;'=Clínica B;;ignorada;UF “XX” não existe. | CNPJ inválido.",
      '4;Clínica C;2003;criada;',
      '',
    ]);
  });
});
