/** The indicators' period: local dates (Brasília) from/to, inclusive, read from the query string. */
import { addLocalDays, asDateInputValue, isoCalendarDate, localDate, localDaysBetween, parseCalendarDate, startOfLocalDay } from '@painel/core/plugin';
export interface Period {
  from: string;
  to: string;
  /** [start, end) instants. */
  start: Date;
  end: Date;
  days: number;
}

/** A typed day (dd/mm/aaaa, core's one date parser) as 'YYYY-MM-DD', or null. */
const typedDay = (s: string | undefined): string | null => {
  const date = s ? parseCalendarDate(s) : null;
  return date ? isoCalendarDate(date) : null;
};

export const MAX_DAYS = 366;

/** From ?de=&ate= (defaults: the last 30 days up to today); a problem in pt-BR when the input is unusable. */
export function readPeriod(query: (n: string) => string | undefined, now: Date): { period: Period; problem: string | null } {
  const today = localDate(now);
  let from = typedDay(query('de')) ?? undefined;
  let to = typedDay(query('ate')) ?? undefined;
  let problem: string | null = null;
  if ((query('de') && !from) || (query('ate') && !to)) {
    problem = 'Datas inválidas: use o formato dd/mm/aaaa. Mostrando os últimos 30 dias.';
    from = undefined;
    to = undefined;
  }
  to = to || today;
  from = from || addLocalDays(to, -29);
  if (from > to) {
    problem = 'A data inicial é posterior à final: as datas foram trocadas.';
    [from, to] = [to, from];
  }
  let days = localDaysBetween(from, to) + 1;
  if (days > MAX_DAYS) {
    problem = `Período máximo de ${MAX_DAYS} dias: mostrando os ${MAX_DAYS} dias até ${asDateInputValue(to)}.`;
    from = addLocalDays(to, -(MAX_DAYS - 1));
    days = MAX_DAYS;
  }
  return { period: { from, to, start: startOfLocalDay(from), end: startOfLocalDay(addLocalDays(to, 1)), days }, problem };
}
