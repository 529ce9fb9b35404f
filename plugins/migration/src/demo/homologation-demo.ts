/**
 * Demo data of the homologation: the open validation request of Clínica Demo Centro (base 1001) gets
 * version 1, loaded through the same loader as the job, with patients, appointments, convênios,
 * procedimentos, prontuários, documentos gerados and imagens — so its médico and its gestor see the
 * screens right after the first start. Created once, when that request has no version yet.
 */
import type { PluginContext } from '@painel/core/plugin';
import { and, count, eq } from 'drizzle-orm';
import { requests, versions } from '../db/schema.ts';
import { agendamentos, convenios, patients, procedimentos } from '../prevalidation/generator/index.ts';
import { seeded, pick } from '../prevalidation/generator/random.ts';
import { loadVersion } from '../versions/load-version.ts';
import { type LegacyTable, tableRows } from '../versions/table-rows.ts';
import { createVersion, keyOf } from '../versions/version-store.ts';

const PATIENTS = 120;
const DOCTORS = ['Dra. Helena Prado', 'Dr. Carlos Mendes', 'Dr. Paulo Sá'];
const NOTES = [
  'Paciente refere cefaleia há 3 dias, sem febre. PA 12x8. Orientado hidratação e retorno se piora.',
  'Retorno: exames laboratoriais dentro da normalidade. Mantida conduta, reavaliar em 6 meses.',
  'Queixa de dor lombar após esforço. Exame físico sem sinais de alerta. Prescrito analgésico e alongamento.',
  'Consulta de rotina. Vacinação em dia. Peso e estatura adequados para a idade.',
  'Hipertensão arterial em acompanhamento; ajuste da dose de losartana para 50 mg 12/12h.',
];
const DOCUMENTS: Array<[string, string]> = [
  ['Atestado', 'Atesto para os devidos fins que o(a) paciente esteve em consulta nesta data, necessitando de 1 dia de afastamento.'],
  ['Receita', 'Dipirona 500 mg — tomar 1 comprimido de 6/6h se dor ou febre, por até 3 dias.'],
  ['Solicitação de exames', 'Hemograma completo, glicemia de jejum, colesterol total e frações, TSH.'],
];

const dateIn = (r: () => number, from: number, span: number) => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(1 + Math.floor(r() * 28))}/${two(1 + Math.floor(r() * 12))}/${from + Math.floor(r() * span)}`;
};

function clinicalTables(): LegacyTable[] {
  const prontuarios: LegacyTable = {
    entity: 'prontuarios',
    header: ['Data', 'Cód. Paciente', 'Médico', 'Evolução'],
    *rows() {
      const r = seeded(41);
      for (let i = 0; i < 80; i++) yield [dateIn(r, 2019, 6), String(1000 + Math.floor(r() * PATIENTS)), pick(r, DOCTORS), pick(r, NOTES)];
    },
  };
  const documentos: LegacyTable = {
    entity: 'documentos_gerados',
    header: ['Data', 'Tipo', 'Cód. Paciente', 'Médico', 'Texto'],
    *rows() {
      const r = seeded(42);
      for (let i = 0; i < 40; i++) {
        const [tipo, texto] = pick(r, DOCUMENTS);
        yield [dateIn(r, 2020, 5), tipo, String(1000 + Math.floor(r() * PATIENTS)), pick(r, DOCTORS), texto];
      }
    },
  };
  const imagens: LegacyTable = {
    entity: 'imagens_documentos',
    header: ['Data', 'Cód. Paciente', 'Arquivo'],
    *rows() {
      const r = seeded(43);
      for (let i = 0; i < 15; i++) yield [dateIn(r, 2021, 4), String(1000 + Math.floor(r() * PATIENTS)), `exames/raio-x-${1000 + i}.jpg`];
    },
  };
  return [prontuarios, documentos, imagens];
}

/** The demo version's tables, all valid (the generators without defects). */
export function demoTables(): LegacyTable[] {
  return [
    convenios(10),
    procedimentos(12),
    patients({ rows: PATIENTS, convenios: 10 }),
    agendamentos({ rows: 200, patients: PATIENTS, convenios: 10, procedimentos: 12 }),
    ...clinicalTables(),
  ];
}

export async function seedHomologationDemo(ctx: PluginContext<unknown>): Promise<void> {
  const request = await ctx.platformScoped('dados de demonstração da homologação da migração', async (tx) => {
    const [row] = await tx
      .select({ resellerId: requests.resellerId, clinicId: requests.clinicId, id: requests.id })
      .from(requests)
      .where(and(eq(requests.clinicId, 1001), eq(requests.state, 'versao_validacao')))
      .limit(1);
    if (!row) return null;
    const [existing] = await tx.select({ n: count() }).from(versions).where(and(eq(versions.resellerId, row.resellerId), eq(versions.requestId, row.id)));
    return (existing?.n ?? 0) > 0 ? null : row;
  });
  if (!request) return;
  const scope = { kind: 'clinic', resellerId: request.resellerId, clinicId: request.clinicId } as const;
  const version = await ctx.scoped(scope, (tx) => createVersion(tx, request, { userId: null, name: 'Equipe de migração' }, ctx.clock.now()));
  const tables = demoTables();
  await loadVersion(ctx, keyOf(version), { entities: Object.fromEntries(tables.map((t) => [t.entity, tableRows(t)])) });
}
