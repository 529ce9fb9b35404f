/**
 * The settings form of the support plugin, read into the next settings: the main form (own team, TISS
 * text, pontos facultativos, retention) and the SLA calendar's extra days off (add, remove). Every
 * outcome is either valid settings (the schema accepts them) or pt-BR messages; nothing here throws.
 */
import { asDateInputValue, isoCalendarDate, OPTIONAL_HOLIDAY_KEYS, parseCalendarDate } from '@painel/core/plugin';
import { isOneOf } from '../domain/vocabulary.ts';
import { field } from '../http/request.ts';
import { EXTRA_DAYS_OFF_MAX, type SupportSettings, supportSettings } from './settings-schema.ts';

export type SettingsChange = { ok: true; next: SupportSettings } | { ok: false; shown: SupportSettings; errors: string[] };

/** The schema's last word: its own pt-BR messages when the settings do not fit. */
function checked(next: SupportSettings): SettingsChange {
  const parsed = supportSettings.safeParse(next);
  return parsed.success ? { ok: true, next: parsed.data } : { ok: false, shown: next, errors: [...new Set(parsed.error.issues.map((i) => i.message))] };
}

/** POST /configuracoes: the fields of the main form over the current settings. */
export function readSettingsForm(form: Record<string, unknown>, current: SupportSettings): SettingsChange {
  const raw = form.facultativos;
  const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((k): k is string => typeof k === 'string');
  const errors: string[] = [];
  const optional = chosen.filter((k) => isOneOf(OPTIONAL_HOLIDAY_KEYS, k));
  if (optional.length !== chosen.length) errors.push('Ponto facultativo desconhecido.');
  const text = field(form, 'textoTiss');
  if (text.length < 1 || text.length > 4000) errors.push('Escreva a resposta padrão de TISS (até 4.000 caracteres).');
  const retention = Number(field(form, 'retencaoDias'));
  if (!Number.isInteger(retention) || retention < 30 || retention > 3650) errors.push('A retenção de anexos deve ser de 30 a 3.650 dias.');
  const next: SupportSettings = {
    ...current,
    ownSupportTeam: field(form, 'equipePropria') === '1',
    tissReplyText: text || current.tissReplyText,
    optionalHolidays: [...new Set(optional)] as SupportSettings['optionalHolidays'],
    attachmentRetentionDays: Number.isInteger(retention) ? retention : current.attachmentRetentionDays,
  };
  if (errors.length > 0) return { ok: false, shown: { ...next, tissReplyText: text }, errors };
  return checked(next);
}

/** POST /configuracoes/folgas: a day off typed as dd/mm/aaaa (or AAAA-MM-DD). */
export function addDayOff(typedText: string, current: SupportSettings): SettingsChange & { date?: string } {
  const typed = parseCalendarDate(typedText);
  if (!typed) return { ok: false, shown: current, errors: ['Informe uma data válida para a folga, no formato dd/mm/aaaa.'] };
  const date = isoCalendarDate(typed);
  if (current.extraDaysOff.includes(date)) return { ok: false, shown: current, errors: [`A folga de ${asDateInputValue(date)} já existe.`], date };
  if (current.extraDaysOff.length >= EXTRA_DAYS_OFF_MAX) {
    return { ok: false, shown: current, errors: [`O calendário já tem ${EXTRA_DAYS_OFF_MAX} folgas, o máximo; remova folgas passadas antes de adicionar outra.`], date };
  }
  return { ...checked({ ...current, extraDaysOff: [...current.extraDaysOff, date].sort() }), date };
}

/** POST /configuracoes/folgas/remover: one of the calendar's days off, as stored (AAAA-MM-DD). */
export function removeDayOff(date: string, current: SupportSettings): SettingsChange {
  if (!current.extraDaysOff.includes(date)) return { ok: false, shown: current, errors: ['Esta folga não está no calendário.'] };
  return checked({ ...current, extraDaysOff: current.extraDaysOff.filter((d) => d !== date) });
}
