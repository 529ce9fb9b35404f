import { addLocalDays, type BusinessCalendar, holidayClosuresOn, isoWeekday } from '@painel/core/plugin';

export interface DayOffPreview {
  date: string;
  label: string;
  /** 'feriado' nacional, 'facultativo' chosen by the singular, 'folga' added by the admin. */
  kind: 'feriado' | 'facultativo' | 'folga';
  partial: boolean;
}

/** Weekdays without (full) service in the next `days` days, to show what the SLA calendar skips. */
export function upcomingDaysOff(cal: BusinessCalendar, today: string, days = 120): DayOffPreview[] {
  const out: DayOffPreview[] = [];
  for (let i = 0; i < days; i++) {
    const date = addLocalDays(today, i);
    if (isoWeekday(date) >= 6) continue;
    if (cal.extraDaysOff.includes(date)) {
      out.push({ date, label: 'Folga da singular', kind: 'folga', partial: false });
      continue;
    }
    const closures = holidayClosuresOn(date, cal);
    if (closures.length === 0) continue;
    const c = closures[0]!;
    const partial = closures.every((x) => x.startMinute > 0 || x.endMinute < 1440);
    out.push({ date, label: c.name, kind: c.optionalKey ? 'facultativo' : 'feriado', partial });
  }
  return out;
}
