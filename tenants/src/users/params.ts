import { HttpError } from '@painel/core/module';

/** A numeric id from the URL (route patterns already require digits); absurd values answer 404. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,15}$/.test(value)) throw new HttpError(404);
  return Number(value);
}

/** Base ids from repeated form/query fields, ignoring anything that is not a base id. */
export function baseIds(values: string[] | undefined): number[] {
  const ids = (values ?? []).map((v) => v.trim()).filter((v) => /^\d{1,9}$/.test(v)).map(Number);
  return [...new Set(ids)];
}

/** A form field as a string ('' when absent or a file). */
export function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** A repeated form field as strings. */
export function fields(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string');
}
