import { HttpError } from '@painel/core/module';
import { type GrantDuration, parseDuration } from '../grants/durations.ts';
import type { GrantMode } from '../grants/grant-actions.ts';
import { m } from '../messages.ts';
import type { GrantFormErrors, GrantFormValues } from './grant-form.tsx';

export interface GrantInputParsed {
  values: GrantFormValues;
  errors: GrantFormErrors;
  duration: GrantDuration | null;
  reason: string | null;
  mode: GrantMode | undefined;
  /** The active grant the page showed (hidden field), when there was one. */
  expectedGrantId: number | undefined;
}

/** Reads the grant form. Any duration outside the five presets is refused with a pt-BR message. */
export function parseGrantInput(body: Record<string, unknown>): GrantInputParsed {
  const rawDuration = typeof body.duracao === 'string' ? body.duracao : '';
  const rawReason = typeof body.motivo === 'string' ? body.motivo.trim() : '';
  const duration = parseDuration(rawDuration);
  const errors: GrantFormErrors = {};
  if (!duration) errors.duration = m('grant.error.duration');
  if (rawReason.length > 200) errors.reason = m('grant.error.reason');
  const modo = body.modo;
  let mode: GrantMode | undefined;
  if (modo === 'prorrogar') mode = 'extend';
  else if (modo === 'substituir') mode = 'replace';
  else if (modo !== undefined && modo !== '') errors.mode = m('grant.error.mode');
  return {
    values: { duration: duration?.key ?? '', reason: rawReason.slice(0, 400) },
    errors,
    duration,
    reason: rawReason.length > 0 ? rawReason : null,
    mode,
    expectedGrantId: grantIdField(body.acesso),
  };
}

/** The hidden grant id: absent, or digits; anything else is a forged request (404, nothing changes). */
export function grantIdField(value: unknown): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw new HttpError(404);
  return Number(value);
}
