/**
 * Carries the uploaded file from the preview to the confirmation: the preview page holds the file's
 * bytes (base64) and their SHA-256 in the confirm form. Nothing in it is trusted — on confirm the file
 * is parsed and checked against the database again, exactly like a new upload; the digest only makes
 * sure the rows created are the rows that were previewed (a changed payload is refused).
 */
import { createHash } from 'node:crypto';

export interface ImportPayload {
  content: string;
  digest: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function encodePayload(bytes: Uint8Array): ImportPayload {
  return { content: Buffer.from(bytes).toString('base64'), digest: sha256Hex(bytes) };
}

/** The file's bytes, or null when the payload is missing, malformed or does not match its digest. */
export function decodePayload(payload: ImportPayload): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload.content) || !/^[0-9a-f]{64}$/.test(payload.digest)) return null;
  const bytes = new Uint8Array(Buffer.from(payload.content, 'base64'));
  return sha256Hex(bytes) === payload.digest ? bytes : null;
}
