/**
 * The standing fuzzer of the multi-clinic paste (issue 16): 10,000 texts — random text, request-like
 * pieces in any order, and edits of a valid request — never throw and always answer a well-formed
 * result: either the request (a lower-cased e-mail, unique base ids that leave out the base the user is
 * already in, at most MULTI_CLINIC_MAX_BASES) or pt-BR errors whose lines exist in the text.
 */
import { fuzz } from '@painel/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MULTI_CLINIC_MAX_BASES, parseMultiClinicRequest } from './multi-clinic-request.ts';

const piece = fc.constantFrom(
  'Usuário', 'Usuario', 'E-mail do usuário', '*Usuário:*', 'Já está cadastrado na clínica', 'Multi clínica para as clínicas',
  'Multiclínica para as clínicas', ':', '=', ' ', '  ', '\t', '\n', '\r\n', '\r', ',', ';', ' e ', '"', '“', '”', 'etc...', '.',
  '@', 'a@b.com', 'Fulano@Clinica.COM.br', '0', '1234', '0001001', '999999999', '9999999999', '12a4', '-', '*', '~', '•', '(', ')',
  '#', 'nº', 'nenhuma', 'não', '\u00A0', '\uFEFF', '\u200B', 'á', '\u0301', '😀', '\ud800',
);

const VALID = 'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1001\nMulti clínica para as clínicas: 1002, 1003, 2001';

function edits(text: string) {
  const insert = fc.oneof(fc.string({ maxLength: 4 }), piece);
  return fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert }), { minLength: 1, maxLength: 6 }).map((list) =>
    list.reduce((current, { at, remove, insert: added }) => {
      const position = at % (current.length + 1);
      return current.slice(0, position) + added + current.slice(position + remove);
    }, text),
  );
}

const pasted = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join('')),
  edits(VALID),
  fc.tuple(fc.emailAddress(), fc.array(fc.integer({ min: -5, max: 2_000_000_000 }), { maxLength: 40 }), fc.constantFrom(', ', ';', ' ', '\n')).map(
    ([email, ids, separator]) => `Usuário: ${email}\nMulti clínica para as clínicas: ${ids.join(separator)}`,
  ),
);

function checkWellFormed(text: string): void {
  const result = parseMultiClinicRequest(text);
  if (result.ok) {
    expect(result.email).toBe(result.email.toLowerCase());
    expect(result.email).toMatch(/^[^\s@]+@[^\s@]+$/);
    expect(result.requestedBaseIds.length).toBeGreaterThan(0);
    expect(result.requestedBaseIds.length).toBeLessThanOrEqual(MULTI_CLINIC_MAX_BASES);
    expect(new Set(result.requestedBaseIds).size).toBe(result.requestedBaseIds.length);
    for (const id of [...result.requestedBaseIds, ...(result.existingBaseId === null ? [] : [result.existingBaseId])]) {
      expect(Number.isSafeInteger(id) && id > 0).toBe(true);
    }
    if (result.existingBaseId !== null) expect(result.requestedBaseIds).not.toContain(result.existingBaseId);
    for (const warning of result.warnings) expect(warning.trim().length).toBeGreaterThan(0);
    return;
  }
  const lines = text.split(/\r\n|\r|\n/).length;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.message.trim().length).toBeGreaterThan(0);
    if (error.line !== null) {
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.line).toBeLessThanOrEqual(lines);
    }
  }
}

describe('multi-clinic paste fuzzer', () => {
  it('never throws and answers a well-formed result for 10,000 pasted texts', { timeout: 120_000 }, async () => {
    const entry = await fuzz('multi-clinic paste (tenants parsing)', fc.property(pasted, checkWellFormed), { numRuns: 10_000 });
    expect(entry).toEqual({ name: 'multi-clinic paste (tenants parsing)', cases: 10_000, failures: 0 });
  });
});
