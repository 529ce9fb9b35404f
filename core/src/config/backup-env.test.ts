import { describe, expect, it } from 'vitest';
import { loadConfig } from './env.ts';

describe('backup configuration', () => {
  it('defaults to a nightly 02:00 Brasília backup in ./data/backups, unencrypted, keeping 7 daily and 4 weekly', () => {
    expect(loadConfig({}).backup).toEqual({
      dir: './data/backups',
      encryptionKey: undefined,
      schedule: { time: '02:00', timeZone: 'America/Sao_Paulo' },
      keepDaily: 7,
      keepWeekly: 4,
      pgBinDir: undefined,
    });
  });

  it('reads a 32-byte key in hex or base64, a schedule, or off', () => {
    const hex = 'ab'.repeat(32);
    expect(loadConfig({ BACKUP_ENCRYPTION_KEY: hex }).backup.encryptionKey).toEqual(Buffer.from(hex, 'hex'));
    const b64 = Buffer.alloc(32, 9).toString('base64');
    expect(loadConfig({ BACKUP_ENCRYPTION_KEY: b64 }).backup.encryptionKey).toEqual(Buffer.alloc(32, 9));
    expect(loadConfig({ BACKUP_SCHEDULE: 'off' }).backup.schedule).toBeNull();
    expect(loadConfig({ BACKUP_SCHEDULE: '23:30', BACKUP_TIMEZONE: 'America/Manaus' }).backup.schedule).toEqual({ time: '23:30', timeZone: 'America/Manaus' });
  });

  it.each([
    [{ BACKUP_ENCRYPTION_KEY: 'curta' }, /^Configuração inválida: BACKUP_ENCRYPTION_KEY deve ter 32 bytes/],
    [{ BACKUP_SCHEDULE: '2h' }, /^Configuração inválida: BACKUP_SCHEDULE use um horário HH:MM \(como 02:00\) ou off/],
    [{ BACKUP_SCHEDULE: '24:00' }, /BACKUP_SCHEDULE/],
    [{ BACKUP_TIMEZONE: 'Brasil/Brasilia' }, /^Configuração inválida: BACKUP_TIMEZONE fuso horário IANA/],
    [{ BACKUP_KEEP_DAILY: '0' }, /^Configuração inválida: BACKUP_KEEP_DAILY mantenha pelo menos 1/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
