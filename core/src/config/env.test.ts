import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe('./data');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sessionIdleMs).toBe(30 * 60_000);
    expect(c.sessionAbsoluteMs).toBe(12 * 60 * 60_000);
    expect(c.secureCookies).toBe(false);
    expect(c.demoData).toBe(true);
  });

  it('reads TRUSTED_PROXIES as a list of IPs and CIDRs', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1,fd00::/8' }).trustedProxies).toEqual(['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
  });

  it('turns on secure cookies and off demo data in production', () => {
    const c = loadConfig({ NODE_ENV: 'production' });
    expect(c.secureCookies).toBe(true);
    expect(c.demoData).toBe(false);
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://painel.exemplo.com.br' }).secureCookies).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuração inválida: PORT .*"abc"/],
    [{ PORT: '70000' }, /^Configuração inválida: PORT porta entre 1 e 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^Configuração inválida: DATABASE_URL deve começar com postgres:\/\//],
    [{ NODE_ENV: 'staging' }, /^Configuração inválida: NODE_ENV use development, production ou test/],
    [{ SESSION_IDLE_MINUTES: '0' }, /^Configuração inválida: SESSION_IDLE_MINUTES deve ser maior que zero/],
    [{ SESSION_IDLE_MINUTES: '60', SESSION_ABSOLUTE_MINUTES: '30' }, /SESSION_ABSOLUTE_MINUTES deve ser maior ou igual/],
    [{ TRUSTED_PROXIES: '10.0.0.1,proxy.local' }, /^Configuração inválida: TRUSTED_PROXIES lista de IPs ou redes CIDR/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /^Configuração inválida: TRUSTED_PROXIES lista de IPs ou redes CIDR/],
  ])('rejects %o with a one-line message naming the variable', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
