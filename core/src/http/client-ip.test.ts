import { describe, expect, it } from 'vitest';
import { isProxyList, resolveClientIp } from './client-ip.ts';

const trusted = (ip: string) => ip.startsWith('10.') || ip === '192.0.2.1';

describe('resolveClientIp', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientIp('203.0.113.7', '198.51.100.1', trusted)).toBe('203.0.113.7');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    expect(resolveClientIp('10.0.0.2', '1.1.1.1, 198.51.100.1, 10.0.0.9, 192.0.2.1', trusted)).toBe('198.51.100.1');
    expect(resolveClientIp('::ffff:10.0.0.2', '198.51.100.1:4711', trusted)).toBe('198.51.100.1');
    expect(resolveClientIp('10.0.0.2', '[2001:db8::1]:443', trusted)).toBe('2001:db8::1');
  });

  it('stops at a malformed hop and keeps the last address it could vouch for', () => {
    expect(resolveClientIp('10.0.0.2', 'nonsense, 10.0.0.3', trusted)).toBe('10.0.0.3');
    expect(resolveClientIp('10.0.0.2', undefined, trusted)).toBe('10.0.0.2');
    expect(resolveClientIp(null, '198.51.100.1', trusted)).toBeNull();
  });
});

describe('isProxyList', () => {
  it('accepts IPs and CIDRs and nothing else', () => {
    expect(isProxyList('10.0.0.1')).toBe(true);
    expect(isProxyList('10.0.0.0/8, 192.168.0.0/16,fd00::/8,::1')).toBe(true);
    expect(isProxyList('proxy.local')).toBe(false);
    expect(isProxyList('10.0.0.0/33')).toBe(false);
    expect(isProxyList('10.0.0.0/8/1')).toBe(false);
    expect(isProxyList('')).toBe(false);
  });
});
