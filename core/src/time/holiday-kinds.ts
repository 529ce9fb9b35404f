/**
 * Brazilian days that are NOT national public holidays but that many businesses take off
 * ("pontos facultativos"). `date-holidays` lists them for BR with type 'bank' or 'optional'; a calendar
 * only treats them as time off when their key is in `BusinessCalendar.optionalHolidays`.
 *
 * Keys are ours (stable, stored in settings). They are matched against the `rule` text of the
 * date-holidays entries, because the library gives several of them the same name ("Carnaval").
 */

export const OPTIONAL_HOLIDAY_KEYS = [
  'carnaval',
  'ashWednesday',
  'corpusChristi',
  'christmasEve',
  'newYearsEve',
] as const;

export type OptionalHolidayKey = (typeof OPTIONAL_HOLIDAY_KEYS)[number];

export interface OptionalHolidayKind {
  key: OptionalHolidayKey;
  /** pt-BR label for a settings screen. */
  label: string;
}

const LABELS: Record<OptionalHolidayKey, string> = {
  carnaval: 'Carnaval (segunda e terça-feira)',
  ashWednesday: 'Quarta-feira de Cinzas (até as 14h)',
  corpusChristi: 'Corpus Christi',
  christmasEve: 'Véspera de Natal (a partir das 14h)',
  newYearsEve: 'Véspera de Ano-Novo (a partir das 14h)',
};

/**
 * date-holidays BR rules (data/holidays.json, v3.37) → our keys. Entries not listed here — Carnaval
 * Saturday/Sunday ('easter -50 PT48H'), Easter Sunday, Mother's/Father's/Valentine's Day
 * (observances) — never count as time off.
 */
const RULES: ReadonlyArray<readonly [RegExp, OptionalHolidayKey]> = [
  [/^easter -4[78]$/, 'carnaval'], // Monday and Tuesday, whole day ('bank')
  [/^easter -46\b/, 'ashWednesday'], // 'easter -46 PT14H': 00:00–14:00 ('optional')
  [/^easter 60$/, 'corpusChristi'], // whole day ('bank')
  [/^12-24\b/, 'christmasEve'], // '12-24 14:00': 14:00–24:00 ('optional')
  [/^12-31\b/, 'newYearsEve'], // '12-31 14:00': 14:00–24:00 ('optional')
];

/** Our key for a non-public date-holidays rule, or null when that entry is never time off. */
export function optionalKindOfRule(rule: string): OptionalHolidayKey | null {
  for (const [re, key] of RULES) if (re.test(rule)) return key;
  return null;
}

export function isOptionalHolidayKey(value: unknown): value is OptionalHolidayKey {
  return typeof value === 'string' && (OPTIONAL_HOLIDAY_KEYS as readonly string[]).includes(value);
}

/** The optional kinds, in display order, with pt-BR labels. */
export function listOptionalHolidayKinds(): OptionalHolidayKind[] {
  return OPTIONAL_HOLIDAY_KEYS.map((key) => ({ key, label: LABELS[key] }));
}
