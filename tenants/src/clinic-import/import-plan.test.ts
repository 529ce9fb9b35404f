import { describe, expect, it } from 'vitest';
import { parseClinicCsv } from '../parsing/index.ts';
import { idRanges } from './id-ranges.ts';
import { basesToCreate, idNeeds, keysToCheck, planImport, refusal } from './import-plan.ts';
import { decodePayload, encodePayload } from './payload.ts';
import { headerOfFields, shownFields } from './row-fields.ts';

const csv = (text: string) => {
  const parsed = parseClinicCsv(Buffer.from(text, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.fileErrors.join(' | '));
  return parsed.rows;
};

const rows = csv(
  [
    'Nome;ID da base;CNPJ;Cidade;UF',
    'Clínica Livre;5001;;Campinas;SP',
    'Clínica Id Ocupado;1001;;Campinas;SP',
    'Clínica CNPJ Ocupado;;11.222.333/0001-81;Campinas;SP',
    'Clínica Gerada;;;Santos;SP',
    ';5005;;Santos;SP',
  ].join('\n'),
);

describe('planImport', () => {
  it('asks the database about the keys of rows that passed the file checks only', () => {
    expect(keysToCheck(rows)).toEqual({ ids: [5001, 1001], cnpjs: ['11222333000181'] });
  });

  it('adds conflicts with existing bases without saying whose they are', () => {
    const plan = planImport(rows, { ids: new Set([1001]), cnpjs: new Set(['11222333000181']) });
    expect(plan.validCount).toBe(2);
    expect(plan.errorCount).toBe(3);
    expect(plan.rows.map((r) => r.errors)).toEqual([
      [],
      ['O id da base 1001 já está em uso.'],
      ['O CNPJ 11.222.333/0001-81 já está cadastrado em outra base clínica.'],
      [],
      ['O nome da clínica é obrigatório.'],
    ]);
    expect(plan.rows[1]?.value).toBeNull();
  });

  it('refuses all-or-nothing when a row has an error, allows valid-only', () => {
    const plan = planImport(rows, { ids: new Set([1001]), cnpjs: new Set() });
    expect(refusal(plan, 'all-or-nothing')).toMatch(/^Nada foi criado: 2 linhas têm erros/);
    expect(refusal(plan, 'valid-only')).toBeNull();
    const none = planImport(csv('nome;uf\n;SP\n'), { ids: new Set(), cnpjs: new Set() });
    expect(none.validCount).toBe(0);
    expect(refusal(none, 'valid-only')).toMatch(/Nenhuma linha/);
  });

  it('hands generated ids to rows without one, never an id the file uses itself', () => {
    const plan = planImport(rows, { ids: new Set(), cnpjs: new Set() });
    const needs = idNeeds(plan);
    expect(needs).toEqual({ generated: 2, reserved: new Set([5001, 1001]) });
    const created = basesToCreate(plan, [7000, 7001]);
    expect(created.map((c) => [c.name, c.baseId])).toEqual([
      ['Clínica Livre', 5001],
      ['Clínica Id Ocupado', 1001],
      ['Clínica CNPJ Ocupado', 7000],
      ['Clínica Gerada', 7001],
    ]);
    expect(() => basesToCreate(plan, [7000])).toThrow();
  });

  it('shows normalized values for valid rows and the text as written for rows with errors', () => {
    const plan = planImport(rows, { ids: new Set([1001]), cnpjs: new Set() });
    const headers = headerOfFields(Object.keys(rows[0]!.input));
    expect(shownFields(plan.rows[0]!, headers)).toEqual({ name: 'Clínica Livre', baseId: '5001', cnpj: '', city: 'Campinas', uf: 'SP' });
    expect(shownFields(plan.rows[1]!, headers)).toMatchObject({ name: 'Clínica Id Ocupado', baseId: '1001' });
    expect(shownFields(plan.rows[2]!, headers).cnpj).toBe('11.222.333/0001-81');
  });
});

describe('import payload', () => {
  it('round-trips the bytes and refuses a payload changed after the preview', () => {
    const bytes = new Uint8Array(Buffer.from('nome\nClínica\n', 'latin1'));
    const payload = encodePayload(bytes);
    expect(decodePayload(payload)).toEqual(bytes);
    const changed = encodePayload(new Uint8Array(Buffer.from('nome\nOutra\n')));
    expect(decodePayload({ content: changed.content, digest: payload.digest })).toBeNull();
    expect(decodePayload({ content: '###', digest: payload.digest })).toBeNull();
  });
});

describe('idRanges', () => {
  it('compresses consecutive ids', () => {
    expect(idRanges([1006, 1004, 1005, 1200, 7, 1005])).toBe('7, 1004–1006, 1200');
    expect(idRanges([])).toBe('');
    expect(idRanges([3])).toBe('3');
  });
});
