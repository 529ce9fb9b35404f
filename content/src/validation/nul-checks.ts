import { capitalize, describeValue } from './describe-location.ts';
import { escapePointerSegment } from './parse-json.ts';
import type { PointerIssue } from './pointer-issue.ts';

/**
 * Every text value holding a NUL character (`\u0000` in the JSON): valid JSON, but PostgreSQL cannot
 * store it in a text column, so it is refused here, located, instead of failing at the insert.
 */
export function nulIssues(data: unknown, pointer = ''): PointerIssue[] {
  if (typeof data === 'string') {
    if (!data.includes('\0')) return [];
    const message = `${capitalize(describeValue(pointer))} contém o caractere nulo "\\u0000", que não pode ser gravado. Apague-o do texto e envie o arquivo de novo.`;
    return [{ key: 'text.nul', message, pointer, at: 'value' }];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => nulIssues(item, `${pointer}/${i}`));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => nulIssues(value, `${pointer}/${escapePointerSegment(key)}`));
  }
  return [];
}
