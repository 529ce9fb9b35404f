/**
 * Parses the multi-clinic access request singulares send (seed 001):
 *
 *   Usuário: fulano@clinica.com.br
 *   Já está cadastrado na clínica: 1234
 *   Multi clínica para as clínicas: 2345, 3456, 4567
 *
 * Tolerates how people type and paste it (see readEntries) and reports every
 * problem at once, in pt-BR, with the line it was found on.
 */

import {
  checkCount,
  MULTI_CLINIC_MAX_BASES,
  type RequestError,
  readEmail,
  readExistingBase,
  readRequestedBases,
  uniqueBases,
} from './multi-clinic-checks.ts';
import { type Entry, readEntries } from './multi-clinic-entries.ts';
import { formatInteger } from './text.ts';

export { MULTI_CLINIC_MAX_BASES, type RequestError };
export const MULTI_CLINIC_MAX_TEXT_LENGTH = 50_000;

export interface MultiClinicRequest {
  /** Lower-cased login e-mail. */
  email: string;
  /** Base the user is already registered in, or null when none was given. */
  existingBaseId: number | null;
  /** Bases to add: unique, in the order written, without existingBaseId. */
  requestedBaseIds: number[];
  /** Things fixed on the way that the person confirming should know. */
  warnings: string[];
}

export type MultiClinicRequestResult =
  | ({ ok: true } & MultiClinicRequest)
  | { ok: false; errors: RequestError[] };

/**
 * A label with nothing after it next to a filled one is taken for prose
 * ("Segue o pedido do usuário já cadastrado:") and dropped.
 */
function preferFilled(entries: Entry[]): Entry[] {
  const filled = entries.filter((entry) => entry.value !== '' || entry.items.length > 0);
  return filled.length > 0 ? filled : entries;
}

/** Missing things first, then in the order of the text. */
function byLine(errors: RequestError[]): RequestError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function parseMultiClinicRequest(text: string): MultiClinicRequestResult {
  if (text.length > MULTI_CLINIC_MAX_TEXT_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          line: null,
          message: `O texto colado tem ${formatInteger(text.length)} caracteres; o limite é ${formatInteger(MULTI_CLINIC_MAX_TEXT_LENGTH)}. Cole só o pedido.`,
        },
      ],
    };
  }
  const entries = readEntries(text);
  const ofKind = (kind: Entry['kind']) => preferFilled(entries.filter((entry) => entry.kind === kind));
  const errors: RequestError[] = [];
  const warnings: string[] = [];
  const email = readEmail(ofKind('user'), errors);
  const existingBaseId = readExistingBase(ofKind('existing'), errors, warnings);
  const listEntries = ofKind('list');
  const ids = readRequestedBases(listEntries, errors, warnings);
  if (errors.length > 0 || email === null) return { ok: false, errors: byLine(errors) };
  const requestedBaseIds = uniqueBases(ids, existingBaseId, warnings);
  checkCount(requestedBaseIds, listEntries, existingBaseId, errors);
  if (errors.length > 0) return { ok: false, errors: byLine(errors) };
  return { ok: true, email, existingBaseId, requestedBaseIds, warnings };
}
