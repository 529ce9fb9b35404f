/**
 * Support indicators for a period, computed from tickets and their derived SLA (pure; no database).
 * - volume by module, category, base, and over time (per day, or per week for long periods);
 * - first response in business hours: median and p90 (nearest-rank) over the tickets answered;
 * - SLA achievement % per priority: met / (met + missed + breached) — tickets still inside their
 *   target, and tickets closed without an answer inside it, are not counted yet;
 * - backlog: tickets still open now, by status.
 */
import { addLocalDays, localDate, localDaysBetween } from '@painel/core/plugin';
import {
  CATEGORIES,
  categoryLabel,
  type Category,
  MODULES,
  moduleLabel,
  OPEN_STATUSES,
  PRIORITIES,
  type Priority,
  statusLabel,
  type SystemModule,
  type TicketStatus,
} from '../domain/vocabulary.ts';
import type { SlaState } from '../sla/compute-sla.ts';

export interface StatTicket {
  clinicId: number;
  clinicName: string;
  category: Category;
  module: SystemModule;
  status: TicketStatus;
  openedAt: Date;
}

export interface CountItem {
  key: string;
  label: string;
  count: number;
}

export interface SlaItem {
  priority: Priority;
  label: string;
  met: number;
  missed: number;
  pending: number;
  /** 0–100, or null when nothing is decided yet. */
  pct: number | null;
}

export interface Indicators {
  total: number;
  byModule: CountItem[];
  byCategory: CountItem[];
  byBase: CountItem[];
  overTime: { label: string; count: number; bucket: 'dia' | 'semana' }[];
  firstResponse: { answered: number; medianMs: number | null; p90Ms: number | null };
  sla: SlaItem[];
  slaOverall: { met: number; missed: number; pct: number | null };
  backlog: { total: number; byStatus: CountItem[] };
}

/** Nearest-rank percentile (p in 0–100) of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const pctOf = (met: number, missed: number) => (met + missed === 0 ? null : Math.round((1000 * met) / (met + missed)) / 10);

const dayLabel = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/** Local dates as whole days since 1970-01-01 (day 0 was a Thursday), and back. */
const dayNumber = (iso: string): number => localDaysBetween('1970-01-01', iso);
const isoOfDay = (n: number): string => addLocalDays('1970-01-01', n);

/** Buckets [fromDay, toDay] (local dates) per day (up to 31 days) or per week starting on Monday. */
function timeBuckets(fromIso: string, toIso: string, opened: readonly Date[]) {
  const from = dayNumber(fromIso);
  const to = dayNumber(toIso);
  const weekly = to - from + 1 > 31;
  const keyOf = (n: number) => (weekly ? n - ((((n + 3) % 7) + 7) % 7) : n); // Monday of n's week (day 0 was a Thursday)
  const buckets = new Map<number, number>();
  for (let n = keyOf(from); n <= to; n += weekly ? 7 : 1) buckets.set(n, 0);
  for (const at of opened) {
    const k = keyOf(dayNumber(localDate(at)));
    if (buckets.has(k)) buckets.set(k, buckets.get(k)! + 1);
  }
  return [...buckets].map(([n, count]) => ({
    label: weekly ? `sem. ${dayLabel(isoOfDay(n))}` : dayLabel(isoOfDay(n)),
    count,
    bucket: weekly ? ('semana' as const) : ('dia' as const),
  }));
}

function countBy<K extends string>(items: readonly StatTicket[], keys: readonly K[], key: (t: StatTicket) => K, label: Record<K, string>): CountItem[] {
  return keys.map((k) => ({ key: k, label: label[k], count: items.filter((t) => key(t) === k).length }));
}

export function computeIndicators(
  period: { from: string; to: string },
  opened: ReadonlyArray<{ ticket: StatTicket; sla: SlaState }>,
  backlog: readonly StatTicket[],
  topBases = 10,
): Indicators {
  const tickets = opened.map((o) => o.ticket);

  const baseCounts = new Map<number, CountItem>();
  for (const t of tickets) {
    const item = baseCounts.get(t.clinicId) ?? { key: String(t.clinicId), label: `${t.clinicName} (${t.clinicId})`, count: 0 };
    item.count++;
    baseCounts.set(t.clinicId, item);
  }
  const bases = [...baseCounts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'pt-BR'));
  const byBase = bases.slice(0, topBases);
  if (bases.length > topBases) {
    byBase.push({ key: 'outras', label: `Outras ${bases.length - topBases} bases`, count: bases.slice(topBases).reduce((s, b) => s + b.count, 0) });
  }

  const answered = opened
    .filter((o) => o.sla.respondedAt !== null)
    .map((o) => o.sla.elapsedMs)
    .sort((a, b) => a - b);

  const sla: SlaItem[] = PRIORITIES.map((priority) => {
    const mine = opened.filter((o) => o.sla.priority === priority).map((o) => o.sla.outcome);
    const met = mine.filter((x) => x === 'met').length;
    const missed = mine.filter((x) => x === 'missed' || x === 'breached').length;
    const pending = mine.filter((x) => x === 'running' || x === 'paused').length;
    return { priority, label: priority === 'alta' ? 'Alta' : priority === 'media' ? 'Média' : 'Baixa', met, missed, pending, pct: pctOf(met, missed) };
  });
  const met = sla.reduce((s, x) => s + x.met, 0);
  const missed = sla.reduce((s, x) => s + x.missed, 0);

  return {
    total: tickets.length,
    byModule: countBy(tickets, MODULES, (t) => t.module, moduleLabel),
    byCategory: countBy(tickets, CATEGORIES, (t) => t.category, categoryLabel),
    byBase,
    overTime: timeBuckets(period.from, period.to, tickets.map((t) => t.openedAt)),
    firstResponse: { answered: answered.length, medianMs: percentile(answered, 50), p90Ms: percentile(answered, 90) },
    sla,
    slaOverall: { met, missed, pct: pctOf(met, missed) },
    backlog: {
      total: backlog.length,
      byStatus: OPEN_STATUSES.map((s) => ({ key: s, label: statusLabel[s], count: backlog.filter((t) => t.status === s).length })),
    },
  };
}
