import { describe, expect, it } from 'vitest';
import { requestState } from './request-state.ts';

describe('support access request state', () => {
  const createdAt = new Date('2026-03-02T12:00:00Z');
  it('is pending until 24 h after it was made, then expired', () => {
    expect(requestState({ status: 'pending', createdAt }, new Date('2026-03-03T11:59:59Z'))).toBe('pending');
    expect(requestState({ status: 'pending', createdAt }, new Date('2026-03-03T12:00:00Z'))).toBe('expired');
  });
  it('keeps a decision forever', () => {
    expect(requestState({ status: 'approved', createdAt }, new Date('2027-01-01T00:00:00Z'))).toBe('approved');
    expect(requestState({ status: 'declined', createdAt }, new Date('2027-01-01T00:00:00Z'))).toBe('declined');
  });
});
