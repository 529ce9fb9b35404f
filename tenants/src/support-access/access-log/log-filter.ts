import { endOfLocalDay, parseCalendarDate, startOfLocalDay } from '@painel/core/module';
import type { AccessOutcome } from '../db/schema.ts';
import { m } from '../messages.ts';

/** Filters of the access log screen and its CSV export (query string: de, ate, atendente, resultado). */
export interface LogFilter {
  from: Date | null;
  /** Exclusive: the start of the day after "até". */
  until: Date | null;
  agentUserId: number | null;
  outcome: AccessOutcome | null;
}

export interface ParsedLogFilter {
  filter: LogFilter;
  /** The raw values to put back in the form. */
  values: { de: string; ate: string; atendente: string; resultado: string };
  errors: string[];
}

export function parseLogFilter(query: Record<string, string | undefined>): ParsedLogFilter {
  const values = {
    de: (query.de ?? '').trim().slice(0, 10),
    ate: (query.ate ?? '').trim().slice(0, 10),
    atendente: (query.atendente ?? '').trim().slice(0, 15),
    resultado: (query.resultado ?? '').trim(),
  };
  const errors: string[] = [];
  // Calendar days in Brasília (dd/mm/aaaa, or aaaa-mm-dd from older links); "até" includes its whole day.
  const fromDay = values.de ? parseCalendarDate(values.de) : null;
  const toDay = values.ate ? parseCalendarDate(values.ate) : null;
  const from = fromDay ? startOfLocalDay(fromDay) : null;
  if (values.de && !from) errors.push(m('log.error.date', { field: m('log.from') }));
  const toStart = toDay ? startOfLocalDay(toDay) : null;
  if (values.ate && !toStart) errors.push(m('log.error.date', { field: m('log.to') }));
  const until = toDay ? endOfLocalDay(toDay) : null;
  if (from && toStart && from > toStart) errors.push(m('log.error.range'));
  const agentUserId = /^\d{1,15}$/.test(values.atendente) ? Number(values.atendente) : null;
  const outcome = values.resultado === 'allowed' || values.resultado === 'denied' ? values.resultado : null;
  const valid = errors.length === 0;
  return {
    filter: { from: valid ? from : null, until: valid ? until : null, agentUserId, outcome },
    values,
    errors,
  };
}

/** The filter as a query string (for pagination and the CSV link). */
export function filterQuery(values: ParsedLogFilter['values'], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
