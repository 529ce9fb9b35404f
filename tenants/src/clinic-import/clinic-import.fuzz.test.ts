/**
 * The standing fuzzer of the bulk clinic CSV import (issue 16): 10,000 uploads — random bytes, and CSV
 * files built from header aliases, good and bad cells, quotes, delimiters, line ends, BOM and
 * Windows-1252 — go through what the preview and the confirmation run without a database:
 * parseClinicCsv, then planImport against taken keys, refusal and basesToCreate. Nothing throws; a
 * refused file has pt-BR reasons; an accepted one has one row per record, each either a clean value or
 * its errors, and the plan creates exactly its valid rows.
 */
import { fuzz } from '@painel/core/testing';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type ClinicCsvResult, isValidCnpj, isUf, parseClinicCsv } from '../parsing/index.ts';
import { basesToCreate, idNeeds, keysToCheck, planImport, refusal } from './import-plan.ts';

const header = fc.constantFrom(
  'Nome', 'nome da clínica', 'NOME_FANTASIA', 'Razão social', 'ID da base', 'id', 'Código da base', 'CNPJ', 'cnpj (opcional)', 'Cidade',
  'Município', 'UF', 'estado*', 'Observação', '', 'nome', '"Nome"', 'Nome;UF',
);
const cell = fc.oneof(
  fc.constantFrom(
    'Clínica São José', 'Ótica & Saúde Ltda.', '', ' ', '1001', '1201', '0', '-1', '1e3', '999999999', '1234567890', '11.222.333/0001-81',
    '11222333000181', '11.222.333/0001-82', '00000000000000', 'SP', 'sc', 'Santa Catarina', 'XX', 'São Paulo', 'a"b', '"quoted; value"',
    'x'.repeat(160), '\u0000', '\uFEFF', '😀', '€', '\r', '\n',
  ),
  fc.string({ maxLength: 20 }),
);

function quoteIfNeeded(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvFile = fc
  .record({
    headers: fc.array(header, { minLength: 1, maxLength: 7 }),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }),
    delimiter: fc.constantFrom(';', ',', '\t', '|'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    quote: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le'),
    preamble: fc.constantFrom('', 'sep=;\n', 'Lista de clínicas\n'),
  })
  .map(({ headers, rows, delimiter, eol, quote, encoding, preamble }) => {
    const line = (cells: string[]) => cells.map((c) => (quote ? quoteIfNeeded(c, delimiter) : c)).join(delimiter);
    const text = preamble + [line(headers), ...rows.map(line)].join(eol);
    if (encoding === 'windows-1252') return new Uint8Array(iconv.encode(text, 'windows-1252'));
    if (encoding === 'utf-16le') return new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }));
    return new Uint8Array(Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8'));
  });

const upload = fc.oneof(csvFile, csvFile, fc.uint8Array({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))));

function checkParse(result: ClinicCsvResult): void {
  if (!result.ok) {
    expect(result.fileErrors.length).toBeGreaterThan(0);
    for (const message of result.fileErrors) expect(message.trim().length).toBeGreaterThan(0);
    return;
  }
  let previous = 0;
  for (const row of result.rows) {
    expect(row.line).toBeGreaterThan(previous);
    previous = row.line;
    for (const message of row.errors) expect(message.trim().length).toBeGreaterThan(0);
    if (row.errors.length > 0) {
      expect(row.value).toBeUndefined();
      continue;
    }
    const value = row.value!;
    expect(value.name.trim().length).toBeGreaterThan(0);
    expect(value.name.length).toBeLessThanOrEqual(150);
    if (value.baseId !== null) expect(Number.isSafeInteger(value.baseId) && value.baseId > 0).toBe(true);
    if (value.cnpj !== null) expect(isValidCnpj(value.cnpj) && /^\d{14}$/.test(value.cnpj)).toBe(true);
    if (value.uf !== null) expect(isUf(value.uf)).toBe(true);
  }
}

function checkUpload(bytes: Uint8Array, takenIds: number[], takenCnpjs: string[], allOrNothing: boolean): void {
  const parsed = parseClinicCsv(bytes);
  checkParse(parsed);
  if (!parsed.ok) return;
  const keys = keysToCheck(parsed.rows);
  const taken = { ids: new Set([...takenIds, ...keys.ids.filter((_, i) => i % 3 === 0)]), cnpjs: new Set([...takenCnpjs, ...keys.cnpjs.filter((_, i) => i % 2 === 0)]) };
  const plan = planImport(parsed.rows, taken);
  expect(plan.rows).toHaveLength(parsed.rows.length);
  expect(plan.validCount + plan.errorCount).toBe(plan.rows.length);
  expect(plan.rows.filter((r) => r.value !== null)).toHaveLength(plan.validCount);
  for (const row of plan.rows) expect(row.value === null).toBe(row.errors.length > 0 || !parsed.rows.find((p) => p.line === row.line)?.value);
  const reason = refusal(plan, allOrNothing ? 'all-or-nothing' : 'valid-only');
  if (reason !== null) {
    expect(reason.trim().length).toBeGreaterThan(0);
    return;
  }
  const needs = idNeeds(plan);
  const free = Array.from({ length: needs.generated }, (_, i) => 900_000_000 + i);
  const bases = basesToCreate(plan, free);
  expect(bases).toHaveLength(plan.validCount);
  expect(new Set(bases.map((b) => b.baseId)).size).toBe(bases.length);
  for (const base of bases) expect(taken.ids.has(base.baseId)).toBe(false);
}

describe('bulk clinic CSV import fuzzer', () => {
  it('never throws and answers well-formed previews and plans for 10,000 uploads', { timeout: 180_000 }, async () => {
    const entry = await fuzz(
      'bulk clinic CSV import (tenants clinic-import)',
      fc.property(upload, fc.array(fc.constantFrom(1001, 1201, 999999999), { maxLength: 3 }), fc.array(fc.constantFrom('11222333000181'), { maxLength: 1 }), fc.boolean(), checkUpload),
      { numRuns: 10_000 },
    );
    expect(entry).toEqual({ name: 'bulk clinic CSV import (tenants clinic-import)', cases: 10_000, failures: 0 });
  });
});
