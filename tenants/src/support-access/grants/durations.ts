/** The durations a base may grant (SPEC §5); 7 days is the hard maximum, there is no "indefinite". */
const hour = 3_600_000;
const day = 24 * hour;

export const grantDurations = [
  { key: '1h', label: '1 hora', ms: hour },
  { key: '4h', label: '4 horas', ms: 4 * hour },
  { key: '1d', label: '1 dia', ms: day },
  { key: '3d', label: '3 dias', ms: 3 * day },
  { key: '7d', label: '7 dias', ms: 7 * day },
] as const;

export type GrantDuration = (typeof grantDurations)[number];
export type DurationKey = GrantDuration['key'];

export const maxGrantMs = 7 * day;
export const defaultRequestDuration: DurationKey = '1d';

export function parseDuration(value: unknown): GrantDuration | null {
  return grantDurations.find((d) => d.key === value) ?? null;
}

export function durationLabel(key: string | null | undefined): string {
  return grantDurations.find((d) => d.key === key)?.label ?? '—';
}

/** A new grant's end: now + duration. */
export function replacementEnd(now: Date, duration: GrantDuration): Date {
  return new Date(now.getTime() + duration.ms);
}

/** An extension's end: current end + duration, never more than 7 days from now. */
export function extensionEnd(now: Date, currentEnd: Date, duration: GrantDuration): { endsAt: Date; capped: boolean } {
  const wanted = currentEnd.getTime() + duration.ms;
  const cap = now.getTime() + maxGrantMs;
  return wanted > cap ? { endsAt: new Date(cap), capped: true } : { endsAt: new Date(wanted), capped: false };
}
