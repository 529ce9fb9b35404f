import { randomBytes } from 'node:crypto';

/** 24 random bytes, base64url: 32 characters of [A-Za-z0-9_-]. */
const idPattern = /^[A-Za-z0-9_-]{32}$/;

/** A fresh random file id (temp files and stored files are named by it, never by the sender's name). */
export function newFileId(): string {
  return randomBytes(24).toString('base64url');
}

/** Only ids this module made can name a file: no separator, no dot, fixed length. */
export function isFileId(id: unknown): id is string {
  return typeof id === 'string' && idPattern.test(id);
}

/** Namespaces are package ids (`content`, `support`, a plugin id): `[a-z][a-z0-9-]*`. */
export function isNamespace(ns: unknown): ns is string {
  return typeof ns === 'string' && /^[a-z][a-z0-9-]{0,62}$/.test(ns);
}
