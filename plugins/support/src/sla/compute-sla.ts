/**
 * First-response SLA, derived from a ticket's event log (never stored), so a change of the reseller's
 * calendar or of the priority recomputes it.
 *
 * Rules (seed 001 + Zendesk-style pausable metric):
 * - the target is 8 / 20 / 80 business hours for alta / média / baixa; an untriaged ticket runs on
 *   DEFAULT_PRIORITY (média) until support sets a priority; the target is the one of the priority in
 *   force at the first response (or now, while waiting), so re-triaging moves the deadline;
 * - the clock counts business time only while the ticket is "aberto" or "em atendimento": it pauses in
 *   "aguardando cliente" and stops in "resolvido"/"fechado" (and resumes if the ticket comes back);
 * - it ends at the first reply of the support side (vendor agent or the singular's team).
 */
import { addBusinessMs, type BusinessCalendar, businessMsBetween } from '@painel/core/plugin';
import {
  DEFAULT_PRIORITY,
  firstResponseHours,
  type Priority,
  type TicketStatus,
} from '../domain/vocabulary.ts';

export type SlaEvent =
  | { kind: 'opened'; at: Date; priority?: Priority | null }
  | { kind: 'priority_changed'; at: Date; priority: Priority }
  | { kind: 'status_changed'; at: Date; status: TicketStatus }
  | { kind: 'agent_replied'; at: Date }
  | { kind: 'other'; at: Date };

/**
 * - running: waiting for the first response, clock counting;
 * - paused: waiting, clock paused ("aguardando cliente");
 * - breached: waiting and past the deadline;
 * - met / missed: first response within / after the target;
 * - stopped: resolved or closed without a response, within the target (not counted in achievement).
 */
export type SlaOutcome = 'running' | 'paused' | 'breached' | 'met' | 'missed' | 'stopped';

export interface SlaState {
  outcome: SlaOutcome;
  /** Priority the target comes from, and whether support chose it (false: the default). */
  priority: Priority;
  triaged: boolean;
  targetMs: number;
  /** Business ms counted so far (until the first response, the stop, or `now`). */
  elapsedMs: number;
  /** targetMs − elapsedMs: negative once breached. */
  remainingMs: number;
  /**
   * The deadline on the wall clock: when the target was or will be reached if the clock keeps running.
   * null while paused or stopped before reaching it.
   */
  dueAt: Date | null;
  openedAt: Date | null;
  respondedAt: Date | null;
}

const HOUR_MS = 3_600_000;
const RUNNING: ReadonlySet<TicketStatus> = new Set(['aberto', 'em_atendimento']);
const STOPPED: ReadonlySet<TicketStatus> = new Set(['resolvido', 'fechado']);

/** Amber below this many business ms left. */
export const AT_RISK_MS = HOUR_MS;

export function computeSla(events: readonly SlaEvent[], calendar: BusinessCalendar, now: Date): SlaState {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
    .map((x) => x.e);
  const opened = sorted.find((e) => e.kind === 'opened');
  let priority: Priority = DEFAULT_PRIORITY;
  let triaged = false;
  if (opened?.kind === 'opened' && opened.priority) {
    priority = opened.priority;
    triaged = true;
  }
  if (!opened) {
    const targetMs = firstResponseHours[priority] * HOUR_MS;
    return { outcome: 'running', priority, triaged, targetMs, elapsedMs: 0, remainingMs: targetMs, dueAt: null, openedAt: null, respondedAt: null };
  }

  // 1. Walk the log up to the first response (or now): running segments and the priority in force.
  const segments: Array<[Date, Date | null]> = [];
  let status: TicketStatus = 'aberto';
  let segmentStart: Date | null = opened.at;
  let respondedAt: Date | null = null;
  const end = (at: Date) => {
    if (segmentStart) segments.push([segmentStart, at]);
    segmentStart = null;
  };
  for (const e of sorted) {
    if (e.at.getTime() < opened.at.getTime() || e === opened) continue;
    if (e.at.getTime() > now.getTime()) break;
    if (e.kind === 'agent_replied') {
      respondedAt = e.at;
      end(e.at);
      break;
    }
    if (e.kind === 'priority_changed') {
      priority = e.priority;
      triaged = true;
    } else if (e.kind === 'status_changed') {
      status = e.status;
      if (RUNNING.has(status)) segmentStart ??= e.at;
      else end(e.at);
    }
  }
  const stillRunning = respondedAt === null && segmentStart !== null;
  if (stillRunning) segments.push([segmentStart!, null]);

  // 2. Count business time of the segments and find the instant the target is reached.
  const targetMs = firstResponseHours[priority] * HOUR_MS;
  let elapsedMs = 0;
  let dueAt: Date | null = null;
  for (const [start, stop] of segments) {
    const until = stop ?? now;
    const ms = businessMsBetween(start, until, calendar);
    if (dueAt === null && (elapsedMs + ms >= targetMs || stop === null)) {
      dueAt = addBusinessMs(start, targetMs - elapsedMs, calendar);
    }
    elapsedMs += ms;
  }
  const remainingMs = targetMs - elapsedMs;

  let outcome: SlaOutcome;
  if (respondedAt) outcome = remainingMs >= 0 ? 'met' : 'missed';
  else if (STOPPED.has(status)) outcome = remainingMs >= 0 ? 'stopped' : 'missed';
  else if (remainingMs <= 0 && elapsedMs > 0) outcome = 'breached';
  else outcome = stillRunning ? 'running' : 'paused';

  return { outcome, priority, triaged, targetMs, elapsedMs, remainingMs, dueAt, openedAt: opened.at, respondedAt };
}

/** Badge colour of an SLA state: green, amber (under 1 business hour left), red, or neutral. */
export type SlaLevel = 'ok' | 'risk' | 'breached' | 'neutral';

export function slaLevel(s: SlaState): SlaLevel {
  switch (s.outcome) {
    case 'running':
      return s.remainingMs < AT_RISK_MS ? 'risk' : 'ok';
    case 'paused':
      return 'neutral';
    case 'breached':
    case 'missed':
      return 'breached';
    case 'met':
      return 'ok';
    case 'stopped':
      return 'neutral';
  }
}

/** True when the first response still counts down (running or paused, possibly breached). */
export const awaitingFirstResponse = (s: SlaState): boolean =>
  s.outcome === 'running' || s.outcome === 'paused' || s.outcome === 'breached';
