import { isoCalendarDate, parseCalendarDate } from '@painel/core/plugin';
/** The indicators' period: local dates (Brasília) from/to, inclusive, read from the query string. */
const zone = 'America/Sao_Paulo';
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Zone offset at an instant: wall time − instant, in ms. */
function offsetAt(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight of 'YYYY-MM-DD' begins in Brasília. */
export function startOfLocalDay(iso: string): Date {
  const wall = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  return new Date(t);
}

export const localIsoDate = (d: Date): string => isoDay.format(d);

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
  const today = localIsoDate(now);
  let from = typedDay(query('de')) ?? undefined;
  let to = typedDay(query('ate')) ?? undefined;
  let problem: string | null = null;
  if ((query('de') && !from) || (query('ate') && !to)) {
    problem = 'Datas inválidas: use o formato dd/mm/aaaa. Mostrando os últimos 30 dias.';
    from = undefined;
    to = undefined;
  }
  to = to || today;
  from = from || addDays(to, -29);
  if (from > to) {
    problem = 'A data inicial é posterior à final: as datas foram trocadas.';
    [from, to] = [to, from];
  }
  let days = Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;
  if (days > MAX_DAYS) {
    problem = `Período máximo de ${MAX_DAYS} dias: mostrando os ${MAX_DAYS} dias até ${to.split('-').reverse().join('/')}.`;
    from = addDays(to, -(MAX_DAYS - 1));
    days = MAX_DAYS;
  }
  return { period: { from, to, start: startOfLocalDay(from), end: startOfLocalDay(addDays(to, 1)), days }, problem };
}
