import { describe, expect, it } from 'vitest';
import { csvLine, machineCsvLines, toCsv, toMachineCsv } from './csv-writer.ts';
import { neutraliseFormula } from './formula-guard.ts';

describe('formula-injection guard', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+5511', "'+5511"],
    ['-2+3', "'-2+3"],
    ['-1+cmd|calc', "'-1+cmd|calc"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['＝1+1', "'＝1+1"],
    ['-', "'-"],
  ])('neutralises %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['-1', '-3,5', '-1.234,56', '-0.5', 'Chamado #4821', 'a=b', ''])('leaves %j alone (a plain negative number or harmless text)', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('CSV writer (";", CRLF, UTF-8 BOM)', () => {
  it('quotes separators, quotes and line breaks; empty for null and undefined', () => {
    expect(csvLine(['a;b', 'diz "oi"', 'linha\nnova', 'simples', null, undefined, 1001])).toBe(
      '"a;b";"diz ""oi""";"linha\nnova";simples;;;1001\r\n',
    );
  });

  it('neutralises formulas in text but never numbers, negative ones included', () => {
    expect(csvLine(['=HYPERLINK("x")', -1, -3.5, '-1', '-3,5', '+5511'])).toBe('"\'=HYPERLINK(""x"")";-1;-3.5;-1;-3,5;\'+5511\r\n');
  });

  it('writes dates in Brasília time as dd/mm/aaaa HH:mm and booleans as sim/não', () => {
    expect(csvLine([new Date('2026-03-02T12:00:05Z'), true, false])).toBe('02/03/2026 09:00;sim;não\r\n');
  });

  it('a whole file starts with a BOM and ends every line with CRLF', () => {
    const csv = toCsv(['Nome', 'Valor'], [['Clínica São João; filial', -2], ['=cmd', 3]]);
    expect(csv).toBe('\uFEFFNome;Valor\r\n"Clínica São João; filial";-2\r\n\'=cmd;3\r\n');
  });

  it('a file with no rows is the header alone', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa;b\r\n');
  });
});

describe('CSV writer, machine format (RFC 4180: ",", CRLF, UTF-8 without BOM)', () => {
  it('quotes commas, quotes and line breaks (CR, LF, CRLF), doubles quotes, leaves the rest bare', () => {
    expect(machineCsvLines([['a,b', 'diz "oi"', 'linha\nnova', 'cr\rso', 'crlf\r\nx', 'a;b', 'simples', null, undefined, 1001]])).toBe(
      '"a,b","diz ""oi""","linha\nnova","cr\rso","crlf\r\nx",a;b,simples,,,1001\r\n',
    );
  });

  it('writes values as they are: no formula guard, dates in ISO 8601, booleans true/false', () => {
    expect(machineCsvLines([['=SOMA(A1)', '+5511', new Date('2026-03-02T12:00:05Z'), true, false]])).toBe('=SOMA(A1),+5511,2026-03-02T12:00:05.000Z,true,false\r\n');
  });

  it('a whole file has no BOM, accents as UTF-8, a header and CRLF after every line', () => {
    const csv = toMachineCsv(['nome', 'cidade'], [['José Conceição', 'São Paulo, SP']]);
    expect(csv).toBe('nome,cidade\r\nJosé Conceição,"São Paulo, SP"\r\n');
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
  });
});
