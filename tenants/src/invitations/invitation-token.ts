import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: the secret part of `/convite/<token>`. Never stored. */
export function generateInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps: the SHA-256 (hex) of the token. */
export function invitationTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** How long a link stays valid. */
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
