import { describe, expect, it } from 'vitest';
import { greetingName } from './greeting-name.ts';

describe('greetingName', () => {
  it('skips titles before the first name', () => {
    expect(greetingName('Dr. Paulo Mendes')).toBe('Paulo');
    expect(greetingName('Dra. Ana Souza')).toBe('Ana');
    expect(greetingName('dra Ana')).toBe('Ana');
    expect(greetingName('Sr. João')).toBe('João');
    expect(greetingName('Sra. Maria')).toBe('Maria');
    expect(greetingName('Prof. Dr. Carlos Lima')).toBe('Carlos');
    expect(greetingName('Profª Helena')).toBe('Helena');
    expect(greetingName('Enf. Bruna')).toBe('Bruna');
  });

  it('keeps ordinary first names, including ones that start like a title', () => {
    expect(greetingName('Paula Gestora')).toBe('Paula');
    expect(greetingName('Drummond Silva')).toBe('Drummond');
    expect(greetingName('  Sergio  ')).toBe('Sergio');
  });

  it('falls back to the whole name when it is only a title', () => {
    expect(greetingName('Dr.')).toBe('Dr.');
  });
});
