import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env.ts';
import { hashPassword, passwordHashParams, standardPasswordParams, verifyPassword } from './password.ts';

const paramsOf = (hash: string) => /\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash)?.slice(1).map(Number);

describe('password hashing cost', () => {
  it('hashes with OWASP parameters (19 MiB, t=2, p=1) by default and in production', async () => {
    expect(paramsOf(await hashPassword('segredo123'))).toEqual([19_456, 2, 1]);
    expect(paramsOf(await hashPassword('segredo123', loadConfig({ NODE_ENV: 'production' })))).toEqual([19_456, 2, 1]);
    expect(passwordHashParams(loadConfig({ NODE_ENV: 'development' }))).toBe(standardPasswordParams);
  });

  it('hashes cheaply only for a test config that asks for it', async () => {
    const test = loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'test' });
    expect(paramsOf(await hashPassword('segredo123', test))).toEqual([8, 1, 1]);
    expect(paramsOf(await hashPassword('segredo123', loadConfig({ NODE_ENV: 'test' })))).toEqual([19_456, 2, 1]);
  });

  it('cannot be made cheap in production: the setting is refused, and a hand-made config is ignored', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PASSWORD_HASH_COST: 'test' })).toThrow(
      'Configuração inválida: PASSWORD_HASH_COST=test só é aceito com NODE_ENV=test',
    );
    expect(() => loadConfig({ PASSWORD_HASH_COST: 'test' })).toThrow(/só é aceito com NODE_ENV=test/);
    const forged = { ...loadConfig({ NODE_ENV: 'production' }), passwordHashCost: 'test' as const };
    expect(passwordHashParams(forged)).toBe(standardPasswordParams);
  });

  it('verifies with the parameters stored in the hash, whichever cost made it', async () => {
    const cheap = await hashPassword('segredo123', loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_COST: 'test' }));
    const standard = await hashPassword('segredo123');
    for (const hash of [cheap, standard]) {
      await expect(verifyPassword(hash, 'segredo123')).resolves.toBe(true);
      await expect(verifyPassword(hash, 'segredo124')).resolves.toBe(false);
    }
  });
});
