import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox, passwordHint, SecretKeyError, secretBoxFromEnv } from './secret-box.ts';

describe('backup password box (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time, and no clear text in what is stored', () => {
    const box = createSecretBox(randomBytes(32), false);
    const a = box.seal('s3nh@-do-backup');
    const b = box.seal('s3nh@-do-backup');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3nh');
    expect(box.open(a)).toBe('s3nh@-do-backup');
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const box = createSecretBox(randomBytes(32), false);
    const sealed = box.seal('segredo');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32), false).open(sealed)).toThrow();
  });

  it('needs MIGRATION_SECRET_KEY in production, and checks its length', () => {
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production' })).toThrow(SecretKeyError);
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production' })).toThrow(/MIGRATION_SECRET_KEY é obrigatória em produção/);
    expect(() => secretBoxFromEnv({ NODE_ENV: 'production', MIGRATION_SECRET_KEY: 'curta' })).toThrow(/32 bytes/);
    const key = randomBytes(32);
    const prod = secretBoxFromEnv({ NODE_ENV: 'production', MIGRATION_SECRET_KEY: key.toString('base64') });
    expect(prod.development).toBe(false);
    expect(secretBoxFromEnv({ NODE_ENV: 'production', MIGRATION_SECRET_KEY: key.toString('hex') }).open(prod.seal('x'))).toBe('x');
    expect(secretBoxFromEnv({ NODE_ENV: 'development' }).development).toBe(true);
  });

  it('shows only the length and the last character', () => {
    expect(passwordHint('abc123')).toBe('•••••3 (6 caracteres)');
    expect(passwordHint('abc123')).not.toContain('abc');
  });
});
