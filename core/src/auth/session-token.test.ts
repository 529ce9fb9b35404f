import { describe, expect, it } from 'vitest';
import { generateSessionToken, sessionIdFromToken } from './session-token.ts';

describe('session tokens', () => {
  it('are 160 random bits in base32 and differ every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateSessionToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{32}$/);
  });

  it('are stored as their SHA-256 in hex', () => {
    // SHA-256("abc")
    expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const token = generateSessionToken();
    expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(sessionIdFromToken(token)).not.toContain(token);
  });
});
