import { describe, expect, it } from 'vitest';
import { checkSlot, checkSlots, HOURS_MESSAGE } from './slot-rules.ts';

// Monday 02/03/2026 09:00 in Brasília.
const now = new Date('2026-03-02T12:00:00.000Z');

describe('checkSlot', () => {
  it('accepts a future business-hour slot, in either date format, as a Brasília instant', () => {
    const a = checkSlot({ date: '2026-03-04', time: '09:30' }, now);
    expect(a).toEqual({ ok: true, start: new Date('2026-03-04T12:30:00.000Z') });
    expect(checkSlot({ date: '04/03/2026', time: '13:30' }, now)).toEqual({ ok: true, start: new Date('2026-03-04T16:30:00.000Z') });
    expect(checkSlot({ date: '2026-03-04', time: '17:30' }, now).ok).toBe(true);
    expect(checkSlot({ date: '2026-03-04', time: '08:30' }, now).ok).toBe(true);
  });

  it('refuses hours outside 08:30–12:00 / 13:30–18:00 for a 30-minute conversation', () => {
    for (const time of ['08:00', '08:29', '11:31', '12:00', '12:30', '13:00', '17:31', '18:00', '20:00']) {
      expect(checkSlot({ date: '2026-03-04', time }, now), time).toEqual({ ok: false, message: HOURS_MESSAGE });
    }
  });

  it('refuses weekends, national holidays, the past and invalid input', () => {
    expect(checkSlot({ date: '2026-03-07', time: '10:00' }, now)).toMatchObject({ ok: false, message: expect.stringContaining('dia útil') });
    expect(checkSlot({ date: '2026-04-21', time: '10:00' }, now)).toMatchObject({ message: expect.stringContaining('Tiradentes') });
    expect(checkSlot({ date: '2026-04-03', time: '10:00' }, now)).toMatchObject({ message: expect.stringContaining('Sexta-Feira Santa') });
    expect(checkSlot({ date: '2026-03-02', time: '08:30' }, now)).toMatchObject({ message: expect.stringContaining('futuro') });
    expect(checkSlot({ date: '2026-02-30', time: '10:00' }, now)).toMatchObject({ message: expect.stringContaining('Data inválida') });
    expect(checkSlot({ date: '2026-03-04', time: '25:00' }, now)).toMatchObject({ message: expect.stringContaining('Hora inválida') });
    expect(checkSlot({ date: '2026-03-04', time: '' }, now)).toMatchObject({ message: 'Informe a hora deste horário.' });
    expect(checkSlot({ date: '', time: '' }, now)).toEqual({ ok: 'empty' });
  });
});

describe('checkSlots', () => {
  it('needs two or three different valid slots', () => {
    const one = checkSlots([{ date: '2026-03-04', time: '09:30' }, { date: '', time: '' }], now);
    expect(one).toMatchObject({ ok: false, formError: 'Informe pelo menos duas opções de data e horário.' });
    const dup = checkSlots([{ date: '2026-03-04', time: '09:30' }, { date: '04/03/2026', time: '09:30' }], now);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.fieldErrors.get(1)).toContain('repete');
    const good = checkSlots(
      [
        { date: '2026-03-04', time: '09:30' },
        { date: '2026-03-05', time: '14:00' },
        { date: '', time: '' },
      ],
      now,
    );
    expect(good).toEqual({ ok: true, slots: [new Date('2026-03-04T12:30:00.000Z'), new Date('2026-03-05T17:00:00.000Z')] });
  });
});

describe('national holidays (from core, date-holidays)', () => {
  it('moves Good Friday with Easter and knows Consciência Negra only from 2024', () => {
    const later = new Date('2020-01-01T00:00:00Z');
    expect(checkSlot({ date: '18/04/2025', time: '10:00' }, later)).toMatchObject({ message: expect.stringContaining('Sexta-Feira Santa') });
    expect(checkSlot({ date: '26/03/2027', time: '10:00' }, later)).toMatchObject({ message: expect.stringContaining('Sexta-Feira Santa') });
    expect(checkSlot({ date: '20/11/2025', time: '10:00' }, later)).toMatchObject({ message: expect.stringContaining('Consciência Negra') });
    expect(checkSlot({ date: '20/11/2023', time: '10:00' }, new Date('2023-01-01T00:00:00Z')).ok).toBe(true);
  });

  it('reads the typed time as Brasília wall-clock time', () => {
    expect(checkSlot({ date: '30/12/2026', time: '17:15' }, now)).toEqual({ ok: true, start: new Date('2026-12-30T20:15:00.000Z') });
  });
});
