/**
 * Second pass over a multi-clinic request: validates the value of each
 * label (e-mail, existing base, requested bases) and collects pt-BR errors
 * and warnings. Each reader gets every entry of its label kind.
 */

import { parseBaseId } from './base-id.ts';
import { joinLines } from './duplicates.ts';
import { findEmail } from './email-in-text.ts';
import { splitIdList } from './id-list.ts';
import type { Entry } from './multi-clinic-entries.ts';
import { LABEL_NAMES } from './multi-clinic-labels.ts';
import { foldKey, formatInteger, shorten } from './text.ts';

export const MULTI_CLINIC_MAX_BASES = 1_000;

export interface RequestError {
  /** 1-based line of the pasted text, or null when something is missing. */
  line: number | null;
  message: string;
}

type Errors = RequestError[];

const NONE = /^(?:-+|nenhuma?|nao|n\/a|na|nao se aplica|ainda nao|nao esta)\.?$/;

function duplicateLabel(kind: Entry['kind'], entries: Entry[], advice: string): RequestError {
  const lines = joinLines(entries.map((entry) => entry.line));
  return {
    line: entries[1]?.line ?? null,
    message: `Há mais de uma linha “${LABEL_NAMES[kind]}” (linhas ${lines}); ${advice}`,
  };
}

export function readEmail(entries: Entry[], errors: Errors): string | null {
  const [entry] = entries;
  if (entry === undefined) {
    errors.push({
      line: null,
      message: 'Falta a linha “Usuário” com o e-mail do usuário (ex.: Usuário: fulano@clinica.com.br).',
    });
    return null;
  }
  if (entries.length > 1) errors.push(duplicateLabel('user', entries, 'envie um pedido por usuário.'));
  const found = findEmail(entry.value);
  if (found.kind === 'one') return found.email;
  const line = entry.line;
  if (found.kind === 'many') {
    errors.push({
      line,
      message: `A linha “Usuário” tem mais de um e-mail (${shorten(found.emails.join(', '), 200)}); envie um pedido por usuário.`,
    });
  } else if (found.kind === 'invalid') {
    errors.push({ line, message: `“${found.text}” não é um e-mail válido.` });
  } else if (entry.value === '') {
    errors.push({ line, message: 'A linha “Usuário” está sem o e-mail (ex.: Usuário: fulano@clinica.com.br).' });
  } else {
    errors.push({
      line,
      message: `“${shorten(entry.value)}” não é um e-mail válido. Informe o e-mail que o usuário usa para entrar (ex.: fulano@clinica.com.br).`,
    });
  }
  return null;
}

export function readExistingBase(entries: Entry[], errors: Errors, warnings: string[]): number | null {
  const [entry] = entries;
  const assumption = 'considerando que o usuário ainda não está em nenhuma base.';
  if (entry === undefined) {
    warnings.push(`Não há a linha “${LABEL_NAMES.existing}”; ${assumption}`);
    return null;
  }
  if (entries.length > 1) errors.push(duplicateLabel('existing', entries, 'informe só uma.'));
  if (entry.value === '') {
    warnings.push(`A linha “${LABEL_NAMES.existing}” está sem id; ${assumption}`);
    return null;
  }
  if (NONE.test(foldKey(entry.value))) return null;
  const items = splitIdList(entry.value);
  const [only] = items;
  if (only === undefined || items.length > 1) {
    errors.push({
      line: entry.line,
      message: `Em “${LABEL_NAMES.existing}”, informe só o id de uma base (um número, ex.: 1234); encontrado: “${shorten(entry.value)}”.`,
    });
    return null;
  }
  const parsed = parseBaseId(only);
  if (parsed.ok) return parsed.value;
  errors.push({ line: entry.line, message: parsed.message });
  return null;
}

export function readRequestedBases(entries: Entry[], errors: Errors, warnings: string[]): number[] {
  const [first] = entries;
  if (first === undefined) {
    errors.push({
      line: null,
      message: `Falta a linha “${LABEL_NAMES.list}” com os ids das bases (ex.: ${LABEL_NAMES.list}: 2345, 3456).`,
    });
    return [];
  }
  if (entries.length > 1) {
    warnings.push(
      `Os ids de ${entries.length} linhas “${LABEL_NAMES.list}” foram juntados em uma lista só.`,
    );
  }
  const items = entries.flatMap((entry) => entry.items);
  if (items.length === 0) {
    errors.push({
      line: first.line,
      message: 'A lista de clínicas está vazia: informe ao menos um id de base (ex.: 2345, 3456).',
    });
    return [];
  }
  const ids: number[] = [];
  for (const item of items) {
    const parsed = parseBaseId(item.text);
    if (parsed.ok) ids.push(parsed.value);
    else errors.push({ line: item.line, message: parsed.message });
  }
  return ids;
}

export function uniqueBases(ids: number[], existing: number | null, warnings: string[]): number[] {
  const unique = new Set<number>();
  const repeated = new Set<number>();
  for (const id of ids) {
    if (!unique.has(id)) unique.add(id);
    else if (!repeated.has(id)) {
      repeated.add(id);
      warnings.push(`O id ${id} aparece mais de uma vez na lista; foi considerado uma vez só.`);
    }
  }
  if (existing !== null && unique.delete(existing)) {
    warnings.push(
      `A base ${existing} é a base em que o usuário já está cadastrado; foi retirada da lista.`,
    );
  }
  return [...unique];
}

export function checkCount(requested: number[], entries: Entry[], existing: number | null, errors: Errors): void {
  const line = entries[0]?.line ?? null;
  if (requested.length === 0 && existing !== null) {
    errors.push({
      line,
      message: `A lista de clínicas só tem a base em que o usuário já está cadastrado (${existing}); informe ao menos uma outra base.`,
    });
  } else if (requested.length > MULTI_CLINIC_MAX_BASES) {
    errors.push({
      line,
      message: `A lista tem ${formatInteger(requested.length)} bases; o limite é ${formatInteger(MULTI_CLINIC_MAX_BASES)} por pedido. Divida em pedidos menores.`,
    });
  }
}

