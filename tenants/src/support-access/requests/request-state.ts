/** An unanswered request expires 24 h after it was made — computed from the clock on read, no job. */
export const requestTtlMs = 24 * 3_600_000;

export type RequestState = 'pending' | 'approved' | 'declined' | 'expired';

export function requestState(row: { status: string; createdAt: Date }, now: Date): RequestState {
  if (row.status === 'approved' || row.status === 'declined') return row.status;
  return now.getTime() >= row.createdAt.getTime() + requestTtlMs ? 'expired' : 'pending';
}

export function requestExpiresAt(row: { createdAt: Date }): Date {
  return new Date(row.createdAt.getTime() + requestTtlMs);
}
