import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar, validateCalendar } from './calendar.ts';

const withChanges = (changes: Record<string, unknown>): unknown => ({ ...defaultCalendar(), ...changes });

describe('defaultCalendar', () => {
  it('is the SLA calendar of the contract and is valid', () => {
    const cal: BusinessCalendar = defaultCalendar();
    expect(cal).toEqual({
      timeZone: 'America/Sao_Paulo',
      intervals: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
      weekdays: [1, 2, 3, 4, 5],
      optionalHolidays: [],
      extraDaysOff: [],
    });
    expect(validateCalendar(cal)).toEqual([]);
  });

  it('returns a fresh object each time', () => {
    expect(defaultCalendar()).not.toBe(defaultCalendar());
    expect(defaultCalendar().intervals).not.toBe(defaultCalendar().intervals);
  });
});

describe('validateCalendar', () => {
  it.each([
    ['an all-day calendar ending at 24:00', { intervals: [{ start: '00:00', end: '24:00' }], weekdays: [1, 2, 3, 4, 5, 6, 7] }],
    ['touching intervals', { intervals: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '13:00' }] }],
    ['every optional holiday', { optionalHolidays: ['carnaval', 'ashWednesday', 'corpusChristi', 'christmasEve', 'newYearsEve'] }],
    ['extra days off and another zone', { extraDaysOff: ['2026-04-20', '2024-02-29'], timeZone: 'America/Manaus' }],
  ])('accepts %s', (_label, changes) => {
    expect(validateCalendar(withChanges(changes))).toEqual([]);
  });

  it.each([
    ['not an object', null, '', /Calendário de atendimento ausente/],
    ['unknown zone', withChanges({ timeZone: 'Brasil/Brasilia' }), 'timeZone', /Fuso horário inválido: "Brasil\/Brasilia"/],
    ['missing zone', withChanges({ timeZone: undefined }), 'timeZone', /Fuso horário inválido/],
    ['no intervals', withChanges({ intervals: [] }), 'intervals', /ao menos um intervalo/],
    ['intervals not a list', withChanges({ intervals: 'x' }), 'intervals', /devem ser uma lista/],
    ['malformed start', withChanges({ intervals: [{ start: '8:30', end: '12:00' }] }), 'intervals[0].start', /Intervalo 1: início deve estar no formato HH:MM/],
    ['24:00 as start', withChanges({ intervals: [{ start: '24:00', end: '24:00' }] }), 'intervals[0].start', /início/],
    ['malformed end', withChanges({ intervals: [{ start: '08:30', end: '25:00' }] }), 'intervals[0].end', /fim deve estar/],
    ['interval item not an object', withChanges({ intervals: ['08:30-12:00'] }), 'intervals[0]', /informe início e fim/],
    ['start after end', withChanges({ intervals: [{ start: '12:00', end: '08:30' }] }), 'intervals[0]', /início deve ser anterior ao fim/],
    ['empty interval', withChanges({ intervals: [{ start: '12:00', end: '12:00' }] }), 'intervals[0]', /anterior ao fim/],
    [
      'overlapping intervals',
      withChanges({ intervals: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '18:00' }] }),
      'intervals[1]',
      /Intervalo 2: deve começar depois do fim do intervalo 1/,
    ],
    [
      'unsorted intervals',
      withChanges({ intervals: [{ start: '13:30', end: '18:00' }, { start: '08:30', end: '12:00' }] }),
      'intervals[1]',
      /sem sobreposição/,
    ],
    ['no weekdays', withChanges({ weekdays: [] }), 'weekdays', /ao menos um dia da semana/],
    ['weekday 0', withChanges({ weekdays: [0, 1] }), 'weekdays[0]', /1 \(segunda\) a 7 \(domingo\)/],
    ['weekday 8', withChanges({ weekdays: [1, 8] }), 'weekdays[1]', /Dia da semana inválido/],
    ['fractional weekday', withChanges({ weekdays: [1.5] }), 'weekdays[0]', /Dia da semana inválido/],
    ['repeated weekday', withChanges({ weekdays: [1, 1] }), 'weekdays[1]', /repetido/],
    ['unknown optional holiday', withChanges({ optionalHolidays: ['carnival'] }), 'optionalHolidays[0]', /Ponto facultativo desconhecido: "carnival"/],
    ['optional holidays not a list', withChanges({ optionalHolidays: 'carnaval' }), 'optionalHolidays', /lista/],
    ['impossible extra date', withChanges({ extraDaysOff: ['2026-02-30'] }), 'extraDaysOff[0]', /Data inválida: "2026-02-30" \(use AAAA-MM-DD\)/],
    ['Brazilian-format extra date', withChanges({ extraDaysOff: ['20/04/2026'] }), 'extraDaysOff[0]', /Data inválida/],
  ])('rejects %s', (_label, input, path, message) => {
    const errors = validateCalendar(input);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toMatch(message);
  });

  it('reports every problem at once', () => {
    const errors = validateCalendar({ timeZone: 'X', intervals: [], weekdays: [9], optionalHolidays: ['?'], extraDaysOff: ['?'] });
    expect(errors.map((e) => e.path)).toEqual(['timeZone', 'intervals', 'weekdays[0]', 'optionalHolidays[0]', 'extraDaysOff[0]']);
  });
});
