/**
 * Backup passwords at rest: AES-256-GCM with a key from the environment (MIGRATION_SECRET_KEY, 32 bytes
 * as base64 or 64 hex digits). A stored value is "v1.<iv>.<tag>.<ciphertext>" (base64url), a fresh
 * 12-byte IV each time. Production refuses to start without the key; elsewhere a fixed development key
 * is used (and said so in the log) so that demo data survives restarts.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const KEY_VARIABLE = 'MIGRATION_SECRET_KEY';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export interface SecretBox {
  /** True when the key is the development one (never in production). */
  readonly development: boolean;
  seal(plain: string): string;
  open(sealed: string): string;
}

function parseKey(raw: string): Buffer {
  const value = raw.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) {
    throw new SecretKeyError(`${KEY_VARIABLE} deve ter 32 bytes, em base64 (44 caracteres) ou hexadecimal (64 dígitos). Gere com: openssl rand -base64 32`);
  }
  return bytes;
}

/** The box for this environment; throws a SecretKeyError in production without a valid key. */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv): SecretBox {
  const raw = env[KEY_VARIABLE];
  if (raw) return createSecretBox(parseKey(raw), false);
  if (env.NODE_ENV === 'production') {
    throw new SecretKeyError(
      `${KEY_VARIABLE} é obrigatória em produção: as senhas dos backups de migração são cifradas com ela. Gere com: openssl rand -base64 32`,
    );
  }
  return createSecretBox(createHash('sha256').update('painel-singular: chave de desenvolvimento da migração').digest(), true);
}

export function createSecretBox(key: Buffer, development: boolean): SecretBox {
  if (key.length !== 32) throw new SecretKeyError('A chave AES-256-GCM precisa de 32 bytes.');
  return {
    development,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new SecretKeyError('Valor cifrado em formato desconhecido.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** What the screens show of a password: never the password, only its length and last character. */
export function passwordHint(plain: string): string {
  const chars = [...plain];
  return `${'•'.repeat(Math.min(chars.length - 1, 12))}${chars.at(-1) ?? ''} (${chars.length} caracteres)`;
}
