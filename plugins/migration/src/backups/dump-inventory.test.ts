import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { dumpInventory, missingEntities } from './dump-inventory.ts';

const plain = [
  '--',
  '-- PostgreSQL database dump',
  '--',
  'SET statement_timeout = 0;',
  'CREATE TABLE public.pacientes (',
  '    id integer NOT NULL,',
  '    nome text',
  ');',
  'CREATE TABLE "Clinica"."Agenda Consultas" (',
  '    id integer',
  ');',
  'CREATE TABLE public.vazia (id integer);',
  'COPY public.pacientes (id, nome) FROM stdin;',
  '1\tAna',
  '2\tBruno',
  '3\tCarla',
  '\\.',
  'COPY "Clinica"."Agenda Consultas" (id) FROM stdin;',
  '10',
  '\\.',
  '',
].join('\n');

const from = (text: string) => () => Readable.from([Buffer.from(text)]);

describe('PostgreSQL dump inventory', () => {
  it('lists the tables of a plain dump and counts the rows of each COPY block, streaming', async () => {
    expect(await dumpInventory(from(plain))).toEqual({
      format: 'plain',
      tables: [
        { name: 'public.pacientes', rows: 3 },
        { name: 'Clinica.Agenda Consultas', rows: 1 },
        { name: 'public.vazia', rows: null },
      ],
    });
  });

  it('says a file that is not a PostgreSQL dump is not one', async () => {
    expect(await dumpInventory(from('id;nome\n1;Ana\n'))).toBeNull();
    expect(await dumpInventory(from(''))).toBeNull();
  });

  it('names the expected entities no table seems to hold', () => {
    const tables = [{ name: 'public.pacientes', rows: 3 }, { name: 'Clinica.Agenda Consultas', rows: 1 }];
    expect(missingEntities(['pacientes', 'agendamentos', 'convenios'], tables)).toEqual(['convenios']);
  });
});
