import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Encryption at rest: AES-256-GCM over the whole backup, streamed. File layout: the magic "PSBKENC1",
 * a 12-byte IV, the ciphertext, the 16-byte authentication tag.
 */
const magic = Buffer.from('PSBKENC1');
const ivBytes = 12;
const tagBytes = 16;

export class BackupKeyError extends Error {
  override name = 'BackupKeyError';
}

/** A short public fingerprint of the key (the manifest says which key a file needs, never the key). */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('painel-backup-key').update(key).digest('hex').slice(0, 16);
}

/** A transform that encrypts what passes through: header first, tag last. */
export function encryptingStream(key: Buffer): Transform {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!started) {
        started = true;
        this.push(Buffer.concat([magic, iv]));
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(Buffer.concat([magic, iv]));
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/** Decrypts `source` into `target` (streamed); throws a BackupKeyError on a wrong key or altered bytes. */
export async function decryptFile(source: string, target: string, key: Buffer): Promise<void> {
  const handle = await open(source, 'r');
  let header: Buffer;
  let tag: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    if (size < magic.length + ivBytes + tagBytes) throw new BackupKeyError('O arquivo de backup criptografado está incompleto.');
    header = Buffer.alloc(magic.length + ivBytes);
    await handle.read(header, 0, header.length, 0);
    tag = Buffer.alloc(tagBytes);
    await handle.read(tag, 0, tagBytes, size - tagBytes);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, magic.length).equals(magic)) throw new BackupKeyError('O arquivo não é um backup criptografado do Painel Singular.');
  const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(magic.length));
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(source, { start: header.length, end: size - tagBytes - 1 }),
      decipher,
      createWriteStream(target, { mode: 0o600 }),
    );
  } catch (error) {
    if ((error as Error).message.includes('authenticate')) {
      throw new BackupKeyError(
        'Não foi possível decifrar o backup: a chave BACKUP_ENCRYPTION_KEY não é a usada para criá-lo, ou o arquivo foi alterado.',
      );
    }
    throw error;
  }
}

/** Whether a file starts with the encrypted-backup magic. */
export async function isEncryptedFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(head, 0, magic.length, 0);
    return bytesRead === magic.length && head.equals(magic);
  } finally {
    await handle.close();
  }
}
