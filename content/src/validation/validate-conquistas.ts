import { buildTrack, type ConquistasFile } from './build-track.ts';
import { DEFAULT_MAX_BYTES, decodeInput } from './decode-input.ts';
import { issueAt } from './make-issue.ts';
import { normalizeFragment } from './normalize-fragment.ts';
import { nulIssues } from './nul-checks.ts';
import { type DuplicateKey, parseJson } from './parse-json.ts';
import type { PointerIssue } from './pointer-issue.ts';
import { schemaIssues } from './schema-issues.ts';
import { checkTasks } from './task-checks.ts';
import { createSourceLocator, type SourceLocator } from './text-position.ts';
import type { ValidateConquistasOptions, ValidationIssue, ValidationResult } from './types.ts';

/**
 * Validates an uploaded conquistas file (`.json` or `.txt`) and, when valid, returns the parsed track.
 * Reports every problem at once, located in the uploaded text. Never throws.
 */
export function validateConquistas(input: Uint8Array | string, options: ValidateConquistasOptions): ValidationResult {
  try {
    return validate(input, options);
  } catch {
    return { ok: false, errors: [internalError()], notices: [] };
  }
}

function validate(input: Uint8Array | string, options: ValidateConquistasOptions): ValidationResult {
  const decoded = decodeInput(input, maxBytesFrom(options?.maxBytes));
  if (!decoded.ok) return { ok: false, errors: [decoded.issue], notices: [] };

  const normalized = normalizeFragment(decoded.text);
  const { notices } = normalized;
  const locator = createSourceLocator(normalized.source);
  if (/^[ \t\r\n]*$/.test(normalized.source)) {
    const message = 'O arquivo está vazio. Envie um arquivo com a lista "conquistas".';
    return { ok: false, errors: [issueAt(locator, 0, 'file.empty', message)], notices };
  }

  const parsed = parseJson(normalized.json);
  if (!parsed.ok) {
    const { key, message, offset } = parsed.problem;
    return { ok: false, errors: [issueAt(locator, normalized.toSourceOffset(offset), key, message)], notices };
  }

  const found = [...schemaIssues(parsed.value), ...nulIssues(parsed.value)];
  const tasks = checkTasks(parsed.value, {
    isKnownArticleSlug: typeof options?.isKnownArticleSlug === 'function' ? options.isKnownArticleSlug : () => false,
    pointersWithIssues: new Set(found.map((issue) => issue.pointer)),
  });
  const locate = (issue: PointerIssue): ValidationIssue => {
    const location = parsed.locations.get(issue.pointer);
    const offset = (issue.at === 'key' ? location?.key : location?.value) ?? location?.value ?? 0;
    return issueAt(locator, normalized.toSourceOffset(offset), issue.key, issue.message, issue.pointer);
  };
  const errors = [
    ...parsed.duplicateKeys.map((duplicate) => duplicateKeyIssue(duplicate, locator, normalized.toSourceOffset)),
    ...[...found, ...tasks.issues].map(locate),
  ].sort((a, b) => a.line - b.line || a.column - b.column);

  if (errors.length > 0) return { ok: false, errors, notices };
  return { ok: true, track: buildTrack(parsed.value as ConquistasFile, tasks.links), notices };
}

function maxBytesFrom(maxBytes: number | undefined): number {
  return typeof maxBytes === 'number' && Number.isFinite(maxBytes) && maxBytes >= 0 ? maxBytes : DEFAULT_MAX_BYTES;
}

function duplicateKeyIssue(
  duplicate: DuplicateKey,
  locator: SourceLocator,
  toSourceOffset: (offset: number) => number,
): ValidationIssue {
  const first = locator.position(toSourceOffset(duplicate.firstOffset));
  const message = `A chave "${duplicate.name}" aparece duas vezes no mesmo objeto (a primeira está na linha ${first.line}). Apague uma delas.`;
  return issueAt(locator, toSourceOffset(duplicate.offset), 'json.duplicateKey', message, duplicate.pointer);
}

function internalError(): ValidationIssue {
  return {
    key: 'internal.error',
    message: 'Não foi possível validar o arquivo por um erro interno. Tente de novo; se continuar, fale com o suporte.',
    line: 1,
    column: 1,
    snippet: '',
    pointer: '',
  };
}
