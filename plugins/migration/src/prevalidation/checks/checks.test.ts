import { describe, expect, it } from 'vitest';
import { cpfKey, maskCpf } from './cpf.ts';
import { validDate, validDateTime, validTime } from './date.ts';
import { validEmail } from './email.ts';
import { validPhone } from './phone.ts';
import { parseSexo } from './sexo.ts';
import { parseSituacao } from './situacao.ts';

describe('CPF', () => {
  it.each([
    ['529.982.247-25', true],
    ['52998224725', true],
    [' 529 982 247 25 ', true],
    ['529.982.247-26', false],
    ['111.111.111-11', false],
    ['00000000000', false],
    ['5299822472', false],
    ['529982247250', false],
    ['529.982.247-2X', false],
    ['abc', false],
  ])('%s valid: %s', (value, valid) => {
    expect(cpfKey(value) !== null).toBe(valid);
  });

  it('is keyed by its digits whatever the punctuation', () => {
    expect(cpfKey('529.982.247-25')).toBe(52998224725);
    expect(cpfKey('52998224725')).toBe(52998224725);
  });

  it('is masked to its middle digits', () => {
    expect(maskCpf('123.456.789-09')).toBe('***.456.789-**');
    expect(maskCpf('12345678909')).toBe('***.456.789-**');
    expect(maskCpf('123')).not.toContain('1');
  });
});

describe('dates', () => {
  it.each([
    ['15/03/1980', true],
    ['5/3/1980', true],
    ['15-03-1980', true],
    ['1980-03-15', true],
    ['15/03/1980 00:00:00', true],
    ['29/02/2024', true],
    ['29/02/2023', false],
    ['31/02/1985', false],
    ['31/04/1985', false],
    ['00/00/0000', false],
    ['32/01/1990', false],
    ['15/13/1980', false],
    ['1985-13-01', false],
    ['15/03/80', false],
    ['ontem', false],
    ['15/03/1980 25:00', false],
  ])('%s valid date: %s', (value, valid) => {
    expect(validDate(value)).toBe(valid);
  });

  it.each([
    ['10/03/2024 14:30', false, true],
    ['10/03/2024 14:30:00', false, true],
    ['2024-03-10T14:30', false, true],
    ['10/03/2024', false, false],
    ['10/03/2024', true, true],
    ['10/03/2024 24:00', false, false],
    ['10/03/2024 12:60', false, false],
    ['31/02/2024 10:00', false, false],
  ])('%s valid date-time (time column %s): %s', (value, timeColumn, valid) => {
    expect(validDateTime(value, timeColumn)).toBe(valid);
  });

  it('checks times', () => {
    expect(validTime('08:15')).toBe(true);
    expect(validTime('8:15:59')).toBe(true);
    expect(validTime('25:00')).toBe(false);
  });
});

describe('phones (valid DDD)', () => {
  it.each([
    ['(48) 3333-4444', true],
    ['(48) 99999-8888', true],
    ['48999998888', true],
    ['+55 (11) 98765-4321', true],
    ['+55 11 3333-4444', true],
    ['0 48 3333-4444', true],
    ['(11) 3333-4444 / (11) 98888-7777', true],
    ['(20) 3333-4444', false],
    ['(00) 99999-8888', false],
    ['(48) 8999-99999', false],
    ['(48) 0333-4444', false],
    ['3333-4444', false],
    ['1234', false],
    ['(48) 3333-4444 ramal 2', false],
    ['(11) 3333-4444 / 1234', false],
  ])('%s valid: %s', (value, valid) => {
    expect(validPhone(value)).toBe(valid);
  });
});

describe('e-mail', () => {
  it.each([
    ['maria.silva@exemplo.com.br', true],
    ['JOAO+clinica@Exemplo.COM', true],
    ['maria@', false],
    ['joao.silva.com', false],
    ['a b@exemplo.com', false],
    ['x@y', false],
    ['ana@@exemplo.com', false],
    ['ana@exemplo..com', false],
  ])('%s valid: %s', (value, valid) => {
    expect(validEmail(value)).toBe(valid);
  });
});

describe('sexo and situação', () => {
  it.each([
    ['M', 'M'], ['m', 'M'], ['Masculino', 'M'], ['MASC', 'M'], ['masc.', 'M'],
    ['F', 'F'], ['feminino', 'F'], ['Fem', 'F'],
    ['X', null], ['2', null], ['Mascu', null], ['Outro', null],
  ])('%s → %s', (value, expected) => {
    expect(parseSexo(value)).toBe(expected);
  });

  it('matches known appointment statuses, accents and case ignored', () => {
    expect(parseSituacao('Atendida')).toBe('atendido');
    expect(parseSituacao('NÃO COMPARECEU')).toBe('faltou');
    expect(parseSituacao('Desmarcado')).toBe('cancelado');
    expect(parseSituacao('Em análise')).toBeNull();
  });
});
