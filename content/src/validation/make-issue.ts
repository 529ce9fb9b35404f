import type { SourceLocator } from './text-position.ts';
import type { ValidationIssue } from './types.ts';

/** Builds an issue located at `offset` (UTF-16 offset into the original text). */
export function issueAt(
  locator: SourceLocator,
  offset: number,
  key: string,
  message: string,
  pointer = '',
): ValidationIssue {
  return { key, message, ...locator.position(offset), snippet: locator.snippet(offset), pointer };
}
