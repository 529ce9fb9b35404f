/** Brazil's national holidays (feriados nacionais; not "pontos facultativos") of a year, as "mm-dd". */
export function nationalHolidays(year: number): Map<string, string> {
  const holidays = new Map<string, string>([
    ['01-01', 'Confraternização Universal'],
    ['04-21', 'Tiradentes'],
    ['05-01', 'Dia do Trabalho'],
    ['09-07', 'Independência do Brasil'],
    ['10-12', 'Nossa Senhora Aparecida'],
    ['11-02', 'Finados'],
    ['11-15', 'Proclamação da República'],
    ['12-25', 'Natal'],
  ]);
  if (year >= 2024) holidays.set('11-20', 'Dia Nacional de Zumbi e da Consciência Negra');
  const easter = easterSunday(year);
  const goodFriday = new Date(easter.getTime() - 2 * 86_400_000);
  holidays.set(monthDay(goodFriday), 'Sexta-feira Santa');
  return holidays;
}

/** Easter Sunday (Gregorian calendar, anonymous algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

function monthDay(date: Date): string {
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}
