/**
 * Demo data of the migration plugin, created once on an empty plugin schema when the demo tenants exist
 * (bases 1001–1003 of Singular Demo, 2001–2002 of Singular Vizinha, migracao@demo.test): a catalogue of
 * legacy systems and one request in each state of the lifecycle, in both singulares, some overdue.
 * Each request is played through the same lifecycle actions the screens use, at past instants.
 */
import { coreTables, type Db, type PluginContext } from '@painel/core/plugin';
import { and, count, eq, inArray } from 'drizzle-orm';
import { addBusinessDays, localDateOf, shiftDate } from '../deadlines/business-days.ts';
import { attachments, backups, legacySystems, messages, requests } from '../db/schema.ts';
import { dumpInventory } from '../backups/dump-inventory.ts';
import { type ActionInput, type ActionKey, applyAction } from '../domain/lifecycle.ts';
import type { RequestInput } from '../domain/request-form.ts';
import { type GoLiveValue, suggestedSteps } from '../domain/go-live.ts';
import type { State } from '../domain/states.ts';
import type { RouterDeps } from '../http/request.ts';
import { passwordHint } from '../secrets/secret-box.ts';
import { type Author, createRequest, lifecycleOf, saveLifecycle, type RequestRow } from '../store/request-store.ts';

const DAY = 86_400_000;

export const demoLegacySystems = ['Clinicweb', 'Feegow', 'HiDoctor', 'iClinic', 'Medplus', 'Ninsaúde', 'ProDoctor', 'Shosp'];

type Step = [ActionKey, ActionInput?];

/** The actions that take a fresh request to each state (the checklist is filled before the backup). */
function pathTo(state: State, at: (days: number) => Date): Step[] {
  const booked: Step[] = [['agendar_extracao', { at: at(2) }]];
  const received: Step[] = [...booked, ['registrar_backup']];
  const analysing: Step[] = [...received, ['iniciar_analise']];
  const validating: Step[] = [
    ...analysing,
    ['enviar_parecer', { feedback: { viable: true, estimatedDate: localDateOf(at(12)), note: 'Estrutura conhecida; sem imagens em BLOB.' } }],
    ['publicar_validacao'],
  ];
  const approved: Step[] = [...validating, ['pedir_ajustes', { note: 'Convênios duplicados na versão 1.' }], ['publicar_validacao'], ['aprovar']];
  const scheduled: Step[] = [...approved, ['agendar_final', { at: at(40) }]];
  const executed: Step[] = [...scheduled, ['executar_final']];
  switch (state) {
    case 'solicitada':
      return [];
    case 'extracao_agendada':
      return booked;
    case 'backup_recebido':
      return received;
    case 'analise_viabilidade':
      return analysing;
    case 'versao_validacao':
      return validating;
    case 'ajustes':
      return [...validating, ['pedir_ajustes', { note: 'Faltam os agendamentos de 2023.' }]];
    case 'aprovada':
      return approved;
    case 'versao_final_agendada':
      return scheduled;
    case 'versao_final_executada':
      return executed;
    case 'encerrada':
      return [...executed, ['encerrar']];
    case 'cancelada':
      return [['cancelar', { note: 'A clínica decidiu manter o sistema atual por mais um ano.' }]];
  }
}

interface Script {
  clinicId: number;
  state: State;
  /** How many days ago the request was opened; the steps follow a day apart. */
  openedDaysAgo: number;
  system: string;
  by: 'gestor' | 'singular' | 'vizinha';
}

/** One per state; the overdue ones are those whose last step is older than its deadline. */
const scripts: Script[] = [
  { clinicId: 1002, state: 'solicitada', openedDaysAgo: 4, system: 'iClinic', by: 'singular' }, // overdue: no answer for 4 days
  { clinicId: 1002, state: 'extracao_agendada', openedDaysAgo: 1, system: 'Feegow', by: 'singular' },
  { clinicId: 1003, state: 'backup_recebido', openedDaysAgo: 9, system: 'HiDoctor', by: 'singular' }, // overdue: feedback late
  { clinicId: 1003, state: 'analise_viabilidade', openedDaysAgo: 3, system: 'Medplus', by: 'singular' },
  { clinicId: 1001, state: 'versao_validacao', openedDaysAgo: 8, system: 'ProDoctor', by: 'gestor' },
  { clinicId: 2001, state: 'ajustes', openedDaysAgo: 16, system: 'Shosp', by: 'vizinha' }, // overdue: adjustments late
  { clinicId: 2001, state: 'aprovada', openedDaysAgo: 11, system: 'Ninsaúde', by: 'vizinha' },
  { clinicId: 2002, state: 'versao_final_agendada', openedDaysAgo: 12, system: 'Clinicweb', by: 'vizinha' },
  { clinicId: 2002, state: 'versao_final_executada', openedDaysAgo: 14, system: 'iClinic', by: 'vizinha' },
  { clinicId: 1001, state: 'encerrada', openedDaysAgo: 60, system: 'Feegow', by: 'gestor' },
  { clinicId: 2002, state: 'cancelada', openedDaysAgo: 20, system: 'HiDoctor', by: 'vizinha' },
];

const emails = { gestor: 'clinica@demo.test', singular: 'singular@demo.test', vizinha: 'vizinha@demo.test', team: 'migracao@demo.test' } as const;

function inputFor(s: Script, systemId: number, opened: Date): RequestInput {
  const day = shiftDate(localDateOf(opened), 3);
  return {
    legacySystemId: systemId,
    legacySystemOther: null,
    legacyVersion: s.system === 'iClinic' ? '2023.4' : '7.2',
    availability: { date: day, from: '08:00', to: '12:00' },
    clinicContact: { name: s.clinicId >= 2000 ? 'Valéria Recepção' : 'Carla Gestora', phone: '49999700252', email: s.clinicId >= 2000 ? 'recepcao@vizinha.test' : 'clinica@demo.test' },
    analystContact: { name: s.clinicId >= 2000 ? 'Vânia Analista' : 'Sérgio Analista', phone: '4933221100', email: s.clinicId >= 2000 ? 'analista@vizinha.test' : 'analista@singular.test' },
    extractionMode: s.clinicId === 1003 ? 'tecnico_singular' : 'clinica',
    formats: s.clinicId === 1003 ? ['postgresql', 'pdf'] : ['csv', 'xlsx'],
    otherFormat: null,
    entities: ['convenios', 'procedimentos', 'pacientes', 'agendamentos', 'prontuarios'],
  };
}

async function play(tx: Db, r: RequestRow, steps: Step[], start: Date, people: { team: Author; requester: Author }, deps: RouterDeps, now: Date): Promise<void> {
  let t = start.getTime();
  let row = r;
  for (const [key, input] of steps) {
    t = Math.min(t + DAY, now.getTime() - 60_000);
    const at = new Date(t);
    if (key === 'registrar_backup') {
      const password = 'backup-2026!';
      await tx
        .update(requests)
        .set({ allTablesSent: true, needsPassword: true, passwordCipher: deps.box.seal(password), passwordHint: passwordHint(password), linkHasDeadline: true, linkDeadline: shiftDate(localDateOf(at), 10), checklistByName: people.requester.name, checklistAt: at })
        .where(and(eq(requests.resellerId, row.resellerId), eq(requests.id, row.id)));
      row = { ...row, allTablesSent: true, needsPassword: true, passwordCipher: 'sealed', linkHasDeadline: true, linkDeadline: shiftDate(localDateOf(at), 10) };
    }
    if (key === 'encerrar' || key === 'executar_final') {
      // The go-live checklist of the plan: all done before closing; the first steps done once the final version ran.
      const steps = suggestedSteps(row.plan).map((st, i) => (key === 'encerrar' || i === 0 ? { ...st, done: true, doneBy: people.team.name, doneAt: at.toISOString() } : st));
      const goLive: GoLiveValue = { continuity: 'digital', continuityNote: '', rollback: 'Se a conferência falhar, a clínica volta ao sistema legado; a equipe restaura o backup da véspera.', steps };
      await tx.update(requests).set({ goLive }).where(and(eq(requests.resellerId, row.resellerId), eq(requests.id, row.id)));
      row = { ...row, goLive };
    }
    const role = key === 'pedir_ajustes' || key === 'aprovar' || key === 'encerrar' ? 'solicitante' : 'equipe';
    const result = applyAction(lifecycleOf(row), key, role, input ?? {}, at);
    if (!result.ok) throw new Error(`demo migration #${row.id}: ${key} refused: ${result.error}`);
    await saveLifecycle(tx, row, result.next, key, role === 'equipe' ? people.team : people.requester, at, input?.note ?? null);
    row = { ...row, ...result.next };
  }
}

export async function seedMigrationDemo(ctx: PluginContext<unknown>, deps: RouterDeps): Promise<void> {
  await ctx.platformScoped('dados de demonstração da migração de dados', async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(requests);
    if ((existing?.n ?? 0) > 0) return;
    const users = await tx.select().from(coreTables.users).where(inArray(coreTables.users.email, Object.values(emails)));
    const byEmail = new Map(users.map((u) => [u.email, { userId: u.id, name: u.name }]));
    const clinics = await tx
      .select({ id: coreTables.clinics.id, resellerId: coreTables.clinics.resellerId, name: coreTables.clinics.name, resellerName: coreTables.resellers.name })
      .from(coreTables.clinics)
      .innerJoin(coreTables.resellers, eq(coreTables.resellers.id, coreTables.clinics.resellerId))
      .where(inArray(coreTables.clinics.id, [1001, 1002, 1003, 2001, 2002]));
    const team = byEmail.get(emails.team);
    if (clinics.length < 5 || !team || byEmail.size < 4) return; // not the demo tenants: nothing to show
    const [catalogued] = await tx.select({ n: count() }).from(legacySystems);
    if ((catalogued?.n ?? 0) === 0) await tx.insert(legacySystems).values(demoLegacySystems.map((name) => ({ name, createdAt: ctx.clock.now() })));
    const systems = new Map((await tx.select().from(legacySystems)).map((s) => [s.name, s.id]));
    const now = ctx.clock.now();
    for (const s of scripts) {
      const clinic = clinics.find((c) => c.id === s.clinicId)!;
      const requester = byEmail.get(emails[s.by])!;
      // Open on a business morning so that the demo's deadlines read naturally.
      const opened = new Date(addBusinessDays(new Date(now.getTime() - (s.openedDaysAgo + 1) * DAY), 1).getTime() - 14 * 3_600_000);
      const start = opened.getTime() > now.getTime() ? new Date(now.getTime() - 2 * 3_600_000) : opened;
      const r = await createRequest(tx, {
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        clinicName: clinic.name,
        resellerName: clinic.resellerName,
        legacySystemName: s.system,
        input: inputFor(s, systems.get(s.system)!, start),
        author: requester,
        at: start,
      });
      await play(tx, r, pathTo(s.state, (d) => new Date(start.getTime() + d * DAY)), start, { team, requester }, deps, now);
      const [message] = await tx
        .insert(messages)
        .values({
          resellerId: r.resellerId,
          requestId: r.id,
          clinicId: r.clinicId,
          authorUserId: requester.userId,
          authorName: requester.name,
          authorSide: s.by === 'gestor' ? 'clinica' : 'singular',
          body: 'Bom dia! Qualquer dúvida sobre o acesso ao sistema antigo, falem comigo por aqui.',
          at: new Date(start.getTime() + 60_000),
        })
        .returning({ id: messages.id });
      // The open request of Clínica Demo Centro has a backup file and an attachment to download.
      if (s.clinicId === 1001 && s.state === 'versao_validacao') await demoFiles(ctx, tx, r, message!.id, requester, new Date(start.getTime() + 2 * DAY - 3_600_000));
    }
  });
}

const demoDump = `-- PostgreSQL database dump
CREATE TABLE public.pacientes (id integer, nome text, cpf text);
CREATE TABLE public.convenios (id integer, nome text);
COPY public.pacientes (id, nome, cpf) FROM stdin;
1\tAna Souza\t52998224725
2\tBruno Lima\t11144477735
\\.
COPY public.convenios (id, nome) FROM stdin;
1\tUnimed
\\.
`;

const demoCsv = 'codigo;nome\r\n1;Unimed\r\n2;Particular\r\n';

/** A small plain-format dump as the request's backup and a CSV attached to its first message, in the plugin's file store. */
async function demoFiles(ctx: PluginContext<unknown>, tx: Db, r: RequestRow, messageId: number, by: Author, at: Date): Promise<void> {
  const dump = await ctx.files.put([new TextEncoder().encode(demoDump)]);
  const inventory = await dumpInventory(() => ctx.files.read(dump.id)).catch(() => null);
  await tx.insert(backups).values({
    resellerId: r.resellerId,
    requestId: r.id,
    clinicId: r.clinicId,
    kind: 'arquivo',
    fileName: 'prodoctor-backup.sql',
    fileRef: dump.id,
    sizeBytes: dump.size,
    sha256: dump.sha256,
    tables: inventory?.tables ?? null,
    dumpFormat: inventory?.format ?? null,
    byUserId: by.userId,
    byName: by.name,
    at,
  });
  const csv = await ctx.files.put([new TextEncoder().encode(demoCsv)]);
  await tx.insert(attachments).values({
    resellerId: r.resellerId,
    requestId: r.id,
    clinicId: r.clinicId,
    messageId,
    fileName: 'convenios.csv',
    contentType: 'text/csv',
    sizeBytes: csv.size,
    sha256: csv.sha256,
    fileRef: csv.id,
    at,
  });
}
