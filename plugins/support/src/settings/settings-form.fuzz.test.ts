/**
 * The standing fuzzer of the support plugin's calendar settings (issue 16): 10,000 submissions of the
 * settings form, "Adicionar folga" and "Remover folga" — arbitrary and near-valid field values, repeated
 * and unknown pontos facultativos, files where text is expected, calendars already at their limit — over
 * random current settings. Nothing throws; the outcome is either settings the schema accepts (and whose
 * SLA calendar and preview of days off compute) or pt-BR messages.
 */
import { addLocalDays, OPTIONAL_HOLIDAY_KEYS } from '@painel/core/plugin';
import { fuzz } from '@painel/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDayOff, removeDayOff, readSettingsForm, type SettingsChange } from './settings-form.ts';
import { calendarOf, EXTRA_DAYS_OFF_MAX, type SupportSettings, supportSettings } from './settings-schema.ts';
import { upcomingDaysOff } from './upcoming-days-off.ts';

const dayText = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 12_000 })).map(([d, m, y]) => `${d}/${m}/${y}`),
  fc.tuple(fc.integer({ min: 1850, max: 10_500 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.constantFrom('', ' 05/03/2026 ', '29/02/2024', '29/02/2025', '2026-03-05', '31/12/9999', '01/01/1900', '١٢/٠٣/٢٠٢٦', '05/03/2026\u0000'),
  fc.string({ maxLength: 14 }),
);

const current = fc
  .record({
    ownSupportTeam: fc.boolean(),
    tissReplyText: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    optionalHolidays: fc.uniqueArray(fc.constantFrom(...OPTIONAL_HOLIDAY_KEYS)),
    extraDays: fc.oneof(fc.nat({ max: 5 }), fc.constant(EXTRA_DAYS_OFF_MAX - 1), fc.constant(EXTRA_DAYS_OFF_MAX)),
    attachmentRetentionDays: fc.integer({ min: 30, max: 3650 }),
  })
  .map(({ extraDays, ...rest }): SupportSettings => ({ ...rest, extraDaysOff: Array.from({ length: extraDays }, (_, i) => addLocalDays('2026-03-02', i * 3)) }));

const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '1', '0', '30', '3650', '3651', '29', '1e2', '0x64', '365.0', '-0', 'NaN', 'x'.repeat(4001)));
const value = fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.constant(new File(['x'], 'x.txt')));
const form = fc.record(
  {
    facultativos: fc.oneof(fc.constantFrom(...OPTIONAL_HOLIDAY_KEYS), fc.array(fc.oneof(fc.constantFrom(...OPTIONAL_HOLIDAY_KEYS), text), { maxLength: 8 }), value),
    textoTiss: fc.oneof(value, fc.string({ maxLength: 4100 })),
    retencaoDias: value,
    equipePropria: value,
  },
  { requiredKeys: [] },
);

const submission = fc.oneof(
  fc.record({ kind: fc.constant('settings' as const), form, current }),
  fc.record({ kind: fc.constant('add' as const), typed: dayText, current }),
  fc.record({ kind: fc.constant('remove' as const), date: fc.oneof(dayText, fc.constantFrom('2026-03-02', '2026-03-05')), current }),
);

const ENGLISH = /\b(expected|Invalid|Too (big|small)|received|must)\b/;

function checkChange(change: SettingsChange, before: SupportSettings): void {
  if (!change.ok) {
    expect(change.errors.length).toBeGreaterThan(0);
    for (const message of change.errors) {
      expect(message.trim().length).toBeGreaterThan(0);
      expect(message).not.toMatch(ENGLISH);
    }
    return;
  }
  expect(supportSettings.safeParse(change.next).success).toBe(true);
  const calendar = calendarOf(change.next);
  expect(new Set(calendar.extraDaysOff).size).toBe(calendar.extraDaysOff.length);
  for (const day of upcomingDaysOff(calendar, '2026-03-02')) expect(day.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(change.next.extraDaysOff.length - before.extraDaysOff.length).toBeGreaterThanOrEqual(-1);
}

describe('calendar settings fuzzer', () => {
  it('never throws and answers valid settings or pt-BR messages for 10,000 submissions', { timeout: 120_000 }, async () => {
    const entry = await fuzz(
      'calendar settings (support plugin settings form)',
      fc.property(submission, (s) => {
        const change = s.kind === 'settings' ? readSettingsForm(s.form, s.current) : s.kind === 'add' ? addDayOff(s.typed, s.current) : removeDayOff(s.date, s.current);
        checkChange(change, s.current);
      }),
      { numRuns: 10_000 },
    );
    expect(entry).toEqual({ name: 'calendar settings (support plugin settings form)', cases: 10_000, failures: 0 });
  });

  it('refuses a day off past the calendar’s limit in pt-BR (the schema’s English message reached the page)', () => {
    const full: SupportSettings = {
      ...supportSettings.parse({}),
      extraDaysOff: Array.from({ length: EXTRA_DAYS_OFF_MAX }, (_, i) => addLocalDays('2026-03-02', i)),
    };
    expect(addDayOff('01/01/2030', full)).toEqual({
      ok: false,
      shown: full,
      date: '2030-01-01',
      errors: ['O calendário já tem 200 folgas, o máximo; remova folgas passadas antes de adicionar outra.'],
    });
  });
});
