import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar } from './calendar.ts';
import { listOptionalHolidayKinds, OPTIONAL_HOLIDAY_KEYS, optionalKindOfRule, type OptionalHolidayKey } from '../time/holiday-kinds.ts';
import { holidayClosuresOn, isDayOff } from './days-off.ts';

const cal = defaultCalendar();
const withOptional = (...keys: OptionalHolidayKey[]): BusinessCalendar => ({ ...cal, optionalHolidays: keys });

describe('national public holidays (date-holidays BR)', () => {
  it.each([
    ['2026-01-01', 'Ano Novo'],
    ['2026-04-03', 'Sexta-Feira Santa'],
    ['2026-04-21', 'Dia de Tiradentes'],
    ['2026-05-01', 'Dia do trabalhador'],
    ['2026-09-07', 'Dia da Independência'],
    ['2026-10-12', 'Nossa Senhora Aparecida'],
    ['2026-11-02', 'Dia de Finados'],
    ['2026-11-20', 'Dia da Consciência Negra'],
    ['2026-12-25', 'Natal'],
    ['2027-03-26', 'Sexta-Feira Santa'],
    ['2027-04-21', 'Dia de Tiradentes'],
    ['2027-11-15', 'Proclamação da República'],
    ['2024-11-20', 'Dia da Consciência Negra'],
    ['2018-11-02', 'Dia de Finados'],
  ])('%s (%s) is a whole day off', (date, name) => {
    expect(isDayOff(date, cal)).toBe(true);
    expect(holidayClosuresOn(date, cal)).toEqual([
      { localDate: date, startMinute: 0, endMinute: 1440, name, type: 'public', optionalKey: null },
    ]);
  });

  it('Consciência Negra is national only from 2024 (Law 14.759/2023)', () => {
    expect(isDayOff('2023-11-20', cal)).toBe(false); // a Monday
    expect(isDayOff('2024-11-20', cal)).toBe(true); // a Wednesday
  });

  it.each(['2026-03-04', '2026-04-02', '2026-04-22', '2026-12-24', '2026-12-31', '2027-01-04'])(
    '%s is an ordinary working day',
    (date) => {
      expect(isDayOff(date, cal)).toBe(false);
      expect(holidayClosuresOn(date, cal)).toEqual([]);
    },
  );

  it('weekends are off for a Monday–Friday calendar, not for a 7-day one', () => {
    expect(isDayOff('2026-03-07', cal)).toBe(true);
    expect(isDayOff('2026-03-08', cal)).toBe(true);
    const everyDay = { ...cal, weekdays: [1, 2, 3, 4, 5, 6, 7] };
    expect(isDayOff('2026-03-07', everyDay)).toBe(false);
    expect(isDayOff('2026-11-15', everyDay)).toBe(true); // Proclamação da República, a Sunday in 2026
  });

  it('extra days off added by an admin', () => {
    const bridged = { ...cal, extraDaysOff: ['2026-04-20'] };
    expect(isDayOff('2026-04-20', cal)).toBe(false);
    expect(isDayOff('2026-04-20', bridged)).toBe(true);
  });

  it('rejects malformed dates', () => {
    expect(() => isDayOff('2026-02-30', cal)).toThrow(/Data inválida/);
    expect(() => holidayClosuresOn('06/03/2026', cal)).toThrow(RangeError);
  });
});

describe('optional holidays (pontos facultativos)', () => {
  it.each([
    ['2026-02-16', 'carnaval'],
    ['2026-02-17', 'carnaval'],
    ['2027-02-08', 'carnaval'],
    ['2027-02-09', 'carnaval'],
    ['2026-06-04', 'corpusChristi'],
    ['2027-05-27', 'corpusChristi'],
  ] as const)('%s is off only with %s', (date, key) => {
    expect(isDayOff(date, cal)).toBe(false);
    expect(isDayOff(date, withOptional(key))).toBe(true);
    const others = OPTIONAL_HOLIDAY_KEYS.filter((k) => k !== key);
    expect(isDayOff(date, withOptional(...others))).toBe(false);
  });

  it.each([
    ['2026-02-18', 'ashWednesday', 0, 840],
    ['2027-02-10', 'ashWednesday', 0, 840],
    ['2018-02-14', 'ashWednesday', 0, 840], // under Brazilian DST
    ['2026-12-24', 'christmasEve', 840, 1440],
    ['2026-12-31', 'newYearsEve', 840, 1440],
  ] as const)('%s: %s closes minutes %i–%i only', (date, key, startMinute, endMinute) => {
    expect(holidayClosuresOn(date, cal)).toEqual([]);
    const closures = holidayClosuresOn(date, withOptional(key));
    expect(closures.map((c) => [c.startMinute, c.endMinute, c.optionalKey])).toEqual([[startMinute, endMinute, key]]);
    expect(isDayOff(date, withOptional(key))).toBe(false); // part of the day is still worked
  });

  it('never takes Carnaval Saturday or observances (Páscoa, Dia das Mães…) off', () => {
    const all = withOptional(...OPTIONAL_HOLIDAY_KEYS);
    const everyDay = { ...all, weekdays: [1, 2, 3, 4, 5, 6, 7] };
    for (const date of ['2026-02-14', '2026-04-05', '2026-05-10', '2026-06-12', '2026-08-09']) {
      expect(holidayClosuresOn(date, everyDay)).toEqual([]);
    }
  });

  it('lists the kinds for a settings screen', () => {
    expect(listOptionalHolidayKinds()).toEqual([
      { key: 'carnaval', label: 'Carnaval (segunda e terça-feira)' },
      { key: 'ashWednesday', label: 'Quarta-feira de Cinzas (até as 14h)' },
      { key: 'corpusChristi', label: 'Corpus Christi' },
      { key: 'christmasEve', label: 'Véspera de Natal (a partir das 14h)' },
      { key: 'newYearsEve', label: 'Véspera de Ano-Novo (a partir das 14h)' },
    ]);
  });
});

describe('guard: what date-holidays returns for BR', () => {
  const hd = new Holidays('BR');

  it('2026 non-public entries and how we classify them (fails if the library data changes)', () => {
    const rows = hd
      .getHolidays(2026, 'pt')
      .filter((h) => h.type !== 'public')
      .map((h) => [h.date, h.type, h.rule, optionalKindOfRule(h.rule)]);
    expect(rows).toEqual([
      ['2026-02-14 00:00:00', 'optional', 'easter -50 PT48H', null],
      ['2026-02-16 00:00:00', 'bank', 'easter -48', 'carnaval'],
      ['2026-02-17 00:00:00', 'bank', 'easter -47', 'carnaval'],
      ['2026-02-18 00:00:00', 'optional', 'easter -46 PT14H', 'ashWednesday'],
      ['2026-04-05 00:00:00', 'observance', 'easter', null],
      ['2026-05-10 00:00:00', 'observance', '2nd sunday in May', null],
      ['2026-06-04 00:00:00', 'bank', 'easter 60', 'corpusChristi'],
      ['2026-06-12 00:00:00', 'observance', '06-12', null],
      ['2026-08-09 00:00:00', 'observance', '2nd sunday in August', null],
      ['2026-12-24 14:00:00', 'optional', '12-24 14:00', 'christmasEve'],
      ['2026-12-31 14:00:00', 'optional', '12-31 14:00', 'newYearsEve'],
    ]);
  });

  it('2026 public holidays', () => {
    expect(hd.getHolidays(2026, 'pt').filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10))).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-21', '2026-05-01', '2026-09-07', '2026-10-04', '2026-10-12',
      '2026-10-25', '2026-11-02', '2026-11-15', '2026-11-20', '2026-12-25',
    ]);
  });

  it('every optional key matches at least one entry in each year 2024–2035', () => {
    for (let year = 2024; year <= 2035; year++) {
      const found = new Set(hd.getHolidays(year).map((h) => optionalKindOfRule(h.rule)));
      for (const key of OPTIONAL_HOLIDAY_KEYS) expect(found.has(key), `${key} in ${year}`).toBe(true);
    }
  });
});
