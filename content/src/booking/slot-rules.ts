import {
  businessMinutesBetween,
  defaultCalendar,
  isBusinessDay,
  isoCalendarDate,
  localInstant,
  nationalHolidayOn,
  parseCalendarDate,
} from '@painel/core/module';

/** A conversation with customer success lasts 30 minutes and must fit in business hours. */
export const SESSION_MINUTES = 30;
/** Business hours: core's default calendar (Brasília, 08:30–12:00 and 13:30–18:00, Monday to Friday, national holidays off). */
const calendar = defaultCalendar();
export const MAX_NOTE_LENGTH = 1000;
export const MIN_SLOTS = 2;
export const MAX_SLOTS = 3;

export const HOURS_MESSAGE =
  'Escolha um horário entre 08:30 e 11:30 ou entre 13:30 e 17:30 (horário de Brasília): a conversa dura 30 minutos.';

export interface SlotInput {
  date: string;
  time: string;
}

export type SlotResult = { ok: true; start: Date } | { ok: false; message: string } | { ok: 'empty' };

function parseTime(text: string): { h: number; min: number } | null {
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(text) ?? /^(\d{1,2})h(\d{2})?$/i.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const min = Number(match[2] ?? '0');
  return h <= 23 && min <= 59 ? { h, min } : null;
}

/** Checks one preferred slot: a real date and time, a business day and hour, in the future. */
export function checkSlot(input: SlotInput, now: Date): SlotResult {
  const dateText = input.date.trim();
  const timeText = input.time.trim();
  if (!dateText && !timeText) return { ok: 'empty' };
  if (!dateText) return { ok: false, message: 'Informe a data deste horário.' };
  if (!timeText) return { ok: false, message: 'Informe a hora deste horário.' };
  const date = parseCalendarDate(dateText);
  if (!date) return { ok: false, message: 'Data inválida. Use o formato dd/mm/aaaa.' };
  const time = parseTime(timeText);
  if (!time) return { ok: false, message: 'Hora inválida. Use o formato hh:mm, por exemplo 09:30.' };
  const day = isoCalendarDate(date);
  if (!isBusinessDay(day, calendar)) {
    const holiday = nationalHolidayOn(day);
    return { ok: false, message: holiday ? `Este dia é feriado nacional (${holiday}). Escolha outro dia.` : 'Escolha um dia útil, de segunda a sexta-feira.' };
  }
  const start = localInstant(date, time.h, time.min);
  const end = new Date(start.getTime() + SESSION_MINUTES * 60_000);
  if (businessMinutesBetween(start, end, calendar) !== SESSION_MINUTES) return { ok: false, message: HOURS_MESSAGE };
  if (start.getTime() <= now.getTime()) return { ok: false, message: 'Escolha uma data e um horário no futuro.' };
  return { ok: true, start };
}

export type SlotsCheck =
  | { ok: true; slots: Date[] }
  | { ok: false; fieldErrors: Map<number, string>; formError: string | null };

/** Two or three preferred slots, each valid and all different. Errors by slot position (0-based). */
export function checkSlots(inputs: SlotInput[], now: Date): SlotsCheck {
  const fieldErrors = new Map<number, string>();
  const slots: Date[] = [];
  inputs.slice(0, MAX_SLOTS).forEach((input, i) => {
    const result = checkSlot(input, now);
    if (result.ok === 'empty') return;
    if (result.ok === false) {
      fieldErrors.set(i, result.message);
      return;
    }
    const repeated = slots.findIndex((s) => s.getTime() === result.start.getTime());
    if (repeated >= 0) {
      fieldErrors.set(i, 'Este horário repete outra opção. Escolha um horário diferente.');
      return;
    }
    slots.push(result.start);
  });
  const given = inputs.slice(0, MAX_SLOTS).filter((i) => i.date.trim() || i.time.trim()).length;
  const formError = given < MIN_SLOTS ? 'Informe pelo menos duas opções de data e horário.' : null;
  if (fieldErrors.size > 0 || formError) return { ok: false, fieldErrors, formError };
  return { ok: true, slots };
}
