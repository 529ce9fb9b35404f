import { describe, expect, it } from 'vitest';
import { isValidCnpj } from '../parsing/index.ts';
import { clinicsPerReseller, MAX_CLINICS_PER_RESELLER } from './distribution.ts';
import { CITIES, clinicCity, clinicName, resellerName, seedCnpj } from './fake-data.ts';
import { defaultLargeSeed, parseLargeSeedArgs } from './options.ts';

describe('parseLargeSeedArgs', () => {
  it('uses the spec scale by default and reads --clinics/--users/--resellers', () => {
    expect(parseLargeSeedArgs([])).toEqual({ ok: true, options: defaultLargeSeed });
    expect(parseLargeSeedArgs(['--clinics', '20000', '--users=50_000', '--resellers', '40'])).toEqual({
      ok: true,
      options: { resellers: 40, clinics: 20_000, users: 50_000 },
    });
  });

  it('explains bad options in pt-BR', () => {
    expect(parseLargeSeedArgs(['--clinicas', '10'])).toEqual({ ok: false, help: false, error: 'Opção desconhecida: --clinicas' });
    expect(parseLargeSeedArgs(['--users'])).toMatchObject({ error: '--users precisa de um número (recebido: nada)' });
    expect(parseLargeSeedArgs(['--resellers', '2', '--clinics', '40001'])).toMatchObject({ error: expect.stringMatching(/não cabem/) });
    expect(parseLargeSeedArgs(['--clinics', '0', '--users', '5'])).toMatchObject({ ok: false });
    expect(parseLargeSeedArgs(['--help'])).toEqual({ ok: false, help: true });
  });
});

describe('clinicsPerReseller', () => {
  it('sums exactly, caps at 20,000 per singular and has a long tail', () => {
    const counts = clinicsPerReseller(350, 100_000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(Math.max(...counts)).toBeLessThanOrEqual(MAX_CLINICS_PER_RESELLER);
    expect(counts[0]).toBeGreaterThan(10_000);
    expect(counts[349]).toBeGreaterThan(0);
    expect(counts[349]).toBeLessThan(counts[0]! / 50);
    const crowded = clinicsPerReseller(10, 190_000);
    expect(crowded.reduce((a, b) => a + b, 0)).toBe(190_000);
    expect(Math.max(...crowded)).toBe(MAX_CLINICS_PER_RESELLER);
    expect(clinicsPerReseller(3, 2)).toEqual([2, 0, 0]);
  });
});

describe('fake data', () => {
  it('makes valid, distinct CNPJs and plausible names', () => {
    const cnpjs = Array.from({ length: 2000 }, (_, i) => seedCnpj(i));
    expect(cnpjs.every(isValidCnpj)).toBe(true);
    expect(new Set(cnpjs).size).toBe(2000);
    expect(resellerName(0).name).toBe('Unimed São Paulo');
    expect(resellerName(CITIES.length).name).toBe('Unimed Regional São Paulo');
    expect(new Set(Array.from({ length: 350 }, (_, i) => resellerName(i).name)).size).toBe(350);
    expect(clinicName(7)).toMatch(/^(Clínica|Consultório|Centro Médico|Policlínica|Instituto|Espaço|Núcleo|Clínica Integrada) /);
    const home = CITIES[1]!;
    expect(clinicCity(3, home)[1]).toBe(home[1]);
  });
});
