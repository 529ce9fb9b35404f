/**
 * Demo data of the support plugin, created once on an empty plugin schema when the demo tenants exist
 * (Singular Demo 0101 with bases 1001–1003, its users, suporte@demo.test): tickets in every status and
 * priority — one breached, one at risk, one untriaged, a TISS one —, board cards and a few weeks of
 * history for the indicators. The plugin host has no seed hook yet, so `start` calls this.
 */
import { addBusinessHours, type BusinessCalendar, businessMsBetween, coreTables, type Db } from '@painel/core/plugin';
import { and, eq, inArray } from 'drizzle-orm';
import { type AcceptedFile } from '../attachments/sniff.ts';
import { cards, pluginState, tickets } from '../db/schema.ts';
import type { BoardColumn, Priority } from '../domain/vocabulary.ts';
import type { SupportContext } from '../http/request.ts';
import { calendarOf, DEFAULT_TISS_REPLY } from '../settings/settings-schema.ts';
import { type Author, changePriority, changeStatus, findTicket, openTicket, reply, type Ticket } from '../tickets/ticket-store.ts';
import { demoScreenshotPng } from './demo-png.ts';
import { featured, historyPool, type Opener, type TicketScript } from './demo-script.ts';

const SEEDED_KEY = 'demo-seeded';
const H = 3_600_000;

/** The latest instant t ≤ now with exactly `hours` business hours between t and now. */
export function businessHoursAgo(now: Date, hours: number, cal: BusinessCalendar): Date {
  const target = hours * H;
  let lo = now.getTime() - 400 * 86_400_000;
  let hi = now.getTime();
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (businessMsBetween(new Date(mid), now, cal) >= target) lo = mid;
    else hi = mid;
  }
  return new Date(Math.floor(lo / 60_000) * 60_000);
}

/** Deterministic pseudo-random numbers (the same demo every time). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function historyScripts(): TicketScript[] {
  const rnd = prng(20260302);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const out: TicketScript[] = [];
  for (let i = 0; i < 32; i++) {
    const item = historyPool[(i * 7 + Math.floor(rnd() * 3)) % historyPool.length]!;
    const base = rnd() < 0.5 ? 1001 : rnd() < 0.6 ? 1002 : 1003;
    const by: Opener = base === 1003 ? 'singular' : base === 1002 ? 'medico' : rnd() < 0.6 ? 'clinica' : 'medico';
    const priority: Priority = item.category === 'erro' ? pick(['alta', 'media', 'media'] as const) : item.category === 'tiss' ? 'media' : pick(['media', 'baixa', 'baixa'] as const);
    const target = priority === 'alta' ? 8 : priority === 'media' ? 20 : 80;
    const late = rnd() < 0.18;
    const firstReply = late ? target * (1.05 + rnd() * 0.4) : Math.max(0.1, rnd() * target * 0.6);
    const agoH = 30 + i * 7 + rnd() * 5;
    const steps: TicketScript['steps'] = [{ afterH: Math.min(0.5, firstReply / 3), priority }];
    const talk = rnd() < 0.3;
    steps.push({ afterH: firstReply - Math.min(0.5, firstReply / 3), agent: item.answer || DEFAULT_TISS_REPLY, status: talk ? 'em_atendimento' : 'resolvido' });
    if (talk) {
      steps.push({ afterH: 1 + rnd() * 4, client: 'Obrigado pelo retorno! Vou testar e aviso.' });
      steps.push({ afterH: 1 + rnd() * 3, agent: 'Perfeito. Vou marcar como resolvido; se precisar, é só responder.', status: 'resolvido' });
    }
    steps.push({ afterH: 2 + rnd() * 10, status: 'fechado', by: rnd() < 0.7 ? 'client' : 'agent' });
    const card: BoardColumn | undefined =
      item.category === 'erro' ? pick(['resolvido', 'resolvido', 'encaminhado'] as const) : item.category === 'melhoria' ? pick(['recusado', 'encaminhado', 'em_analise'] as const) : undefined;
    out.push({ key: `hist-${i}`, base, by, category: item.category, module: item.module, subject: item.subject, body: item.body, agoH, steps, ...(card ? { card } : {}) });
  }
  return out;
}

interface Cast {
  resellers: Map<number, { id: number; name: string }>;
  clinics: Map<number, { resellerId: number; name: string }>;
  people: Map<string, Author>;
}

async function findCast(tx: Db): Promise<Cast | null> {
  const rs = await tx.select().from(coreTables.resellers).where(inArray(coreTables.resellers.code, ['0101', '0202']));
  const cs = await tx.select().from(coreTables.clinics).where(inArray(coreTables.clinics.id, [1001, 1002, 1003, 2001, 2002]));
  const emails = ['clinica@demo.test', 'medico@demo.test', 'singular@demo.test', 'vizinha@demo.test', 'suporte@demo.test'];
  const us = await tx.select().from(coreTables.users).where(inArray(coreTables.users.email, emails));
  if (cs.length < 5 || us.length < emails.length) return null;
  return {
    resellers: new Map(rs.map((r) => [r.id, { id: r.id, name: r.name }])),
    clinics: new Map(cs.map((c) => [c.id, { resellerId: c.resellerId, name: c.name }])),
    people: new Map(us.map((u) => [u.email.split('@')[0]!, { userId: u.id, name: u.name }])),
  };
}

async function playScript(tx: Db, s: TicketScript, cast: Cast, cal: BusinessCalendar, now: Date, previous: Map<string, number>): Promise<Ticket> {
  const clinic = cast.clinics.get(s.base)!;
  const opener = cast.people.get(s.by)!;
  const agent = cast.people.get('suporte')!;
  let at = businessHoursAgo(now, s.agoH, cal);
  const files: AcceptedFile[] = s.attachment ? [{ fileName: 'erro-lote-xml.png', type: 'image/png', bytes: demoScreenshotPng() }] : [];
  let ticket = await openTicket(tx, {
    resellerId: clinic.resellerId,
    clinicId: s.base,
    clinicName: clinic.name,
    resellerName: cast.resellers.get(clinic.resellerId)!.name,
    category: s.category,
    module: s.module,
    subject: s.subject,
    body: s.body,
    files,
    queue: 'vendor',
    previousTicketId: s.continues ? (previous.get(s.continues) ?? null) : null,
    author: opener,
    at,
  });
  for (const step of s.steps) {
    const next = addBusinessHours(at, step.afterH, cal);
    if (next.getTime() >= now.getTime()) break;
    at = next;
    if ('priority' in step) await changePriority(tx, ticket, step.priority, agent, at);
    else if ('agent' in step) {
      const status = step.status ?? (ticket.status === 'aberto' ? 'em_atendimento' : ticket.status);
      await reply(tx, ticket, { author: agent, side: 'support', role: 'agent', body: step.agent, files: [], status, at });
    } else if ('client' in step) {
      const status = ticket.status === 'aguardando_cliente' || ticket.status === 'resolvido' ? 'em_atendimento' : ticket.status;
      await reply(tx, ticket, { author: opener, side: 'clinic', role: 'clinic', body: step.client, files: [], status, at });
    } else if (ticket.status !== step.status) {
      await changeStatus(tx, ticket, step.status, step.by === 'agent' ? 'support' : 'clinic', step.by === 'agent' ? agent : opener, at);
    }
    ticket = (await findTicket(tx, ticket.id))!;
  }
  if (s.card && s.card !== 'novo') {
    await tx
      .update(cards)
      .set({ column: s.card, movedAt: at, movedByName: cast.people.get('singular')!.name })
      .where(and(eq(cards.resellerId, ticket.resellerId), eq(cards.ticketId, ticket.id)));
  }
  return ticket;
}

/** Seeds once; returns false when there is nothing to do (already seeded, data present, no demo tenants). */
export async function seedSupportDemo(ctx: SupportContext): Promise<boolean> {
  const now = ctx.clock.now();
  const cast = await ctx.platformScoped('dados de demonstração: localizar as singulares, bases e pessoas da demonstração', async (tx) => {
    const [marker] = await tx.select().from(pluginState).where(eq(pluginState.key, SEEDED_KEY));
    const [any] = await tx.select({ id: tickets.id }).from(tickets).limit(1);
    if (marker || any) return null;
    return findCast(tx);
  });
  if (!cast) return false;
  const demoReseller = [...cast.clinics.values()].find((c) => c.name.startsWith('Clínica Demo'))!.resellerId;
  const cal = calendarOf(await ctx.settings(demoReseller));
  await ctx.platformScoped('dados de demonstração: criar os chamados de exemplo', async (tx) => {
    const played = new Map<string, number>();
    const scripts = [...historyScripts(), ...featured].sort((a, b) => b.agoH - a.agoH);
    for (const s of scripts) played.set(s.key, (await playScript(tx, s, cast, cal, now, played)).id);
    await tx.insert(pluginState).values({ key: SEEDED_KEY, value: String(played.size), at: now });
  });
  ctx.log.info('support demo data created');
  return true;
}
