import { type CalendarDate, endOfLocalDay, parseCalendarDate, startOfLocalDay } from '@painel/core/module';

/** A typed day (dd/mm/aaaa, or aaaa-mm-dd from older links) of years 2000–2999, or null. */
function typedDay(text: string): CalendarDate | null {
  const date = parseCalendarDate(text);
  return date && date.year >= 2000 && date.year <= 2999 ? date : null;
}

export interface AuditFilters {
  /** E-mail (exact when it has "@", else part of it). */
  who: string;
  base: number | null;
  /** An action code, or a group ending in "." */
  action: string;
  outcome: 'allowed' | 'denied' | null;
  fromText: string;
  toText: string;
  /** First instant included. */
  from: Date | null;
  /** First instant excluded (the day after "até"). */
  until: Date | null;
  /** Keyset cursor: rows with a smaller id (older). */
  before: number | null;
}

export type QueryReader = (name: string) => string | undefined;

/** Reads the filters from the query string; every bad value gets a pt-BR message and is ignored. */
export function parseAuditFilters(read: QueryReader): { filters: AuditFilters; errors: string[] } {
  const errors: string[] = [];
  const text = (name: string, max = 200) => (read(name) ?? '').trim().slice(0, max);
  const baseText = text('base', 20);
  const base = /^\d{1,9}$/.test(baseText) ? Number(baseText) : null;
  if (baseText && base === null) errors.push(`O id da base “${baseText}” não é válido: use apenas números.`);
  const action = text('acao', 100);
  const actionOk = /^[a-z0-9_.]*$/.test(action);
  if (!actionOk) errors.push(`A ação “${action}” não é válida.`);
  const outcomeText = text('resultado', 20);
  const outcome = outcomeText === 'allowed' || outcomeText === 'denied' ? outcomeText : null;
  const fromText = text('de', 20);
  const toText = text('ate', 20);
  const fromDay = fromText ? typedDay(fromText) : null;
  const toDay = toText ? typedDay(toText) : null;
  // Brasília days: from the start of "de" to the end of "até" (exclusive).
  const from = fromDay ? startOfLocalDay(fromDay) : null;
  const to = toDay ? startOfLocalDay(toDay) : null;
  if (fromText && !from) errors.push(`A data inicial “${fromText}” não é válida: use dd/mm/aaaa.`);
  if (toText && !to) errors.push(`A data final “${toText}” não é válida: use dd/mm/aaaa.`);
  if (from && to && to < from) errors.push('A data final é anterior à data inicial.');
  const beforeText = text('antes', 20);
  const before = /^\d{1,18}$/.test(beforeText) ? Number(beforeText) : null;
  return {
    filters: {
      who: text('quem', 254),
      base,
      action: actionOk ? action : '',
      outcome,
      fromText,
      toText,
      from,
      until: toDay && !(from && to! < from) ? endOfLocalDay(toDay) : null,
      before,
    },
    errors,
  };
}

/** The filters as a query string (without the cursor unless asked), for links and the CSV export. */
export function auditQueryString(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (filters.who) p.set('quem', filters.who);
  if (filters.base !== null) p.set('base', String(filters.base));
  if (filters.action) p.set('acao', filters.action);
  if (filters.outcome) p.set('resultado', filters.outcome);
  if (filters.fromText) p.set('de', filters.fromText);
  if (filters.toText) p.set('ate', filters.toText);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
