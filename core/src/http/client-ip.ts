import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) → "10.0.0.1"; anything else unchanged. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** One `X-Forwarded-For` entry as an address, or null: "1.2.3.4", "1.2.3.4:5678", "[::1]:80", "::1". */
function forwardedAddress(entry: string): string | null {
  const value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  const address = normalizeIp(bracketed?.[1] ?? withPort?.[1] ?? value);
  return isIP(address) ? address : null;
}

/** An IP or CIDR ("10.0.0.1", "10.0.0.0/8", "fd00::/8") as a BlockList entry; false when malformed. */
function addTrusted(list: BlockList, entry: string): boolean {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = Number(prefix);
  if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, bits, type);
  return true;
}

/** True when every comma-separated entry is an IP or a CIDR (the TRUSTED_PROXIES syntax). */
export function isProxyList(value: string): boolean {
  const probe = new BlockList();
  return value.split(',').every((entry) => addTrusted(probe, entry));
}

/**
 * The client's address, given the socket peer and the `X-Forwarded-For` header: the peer itself unless
 * it is a trusted proxy; then the right-most address of the header that is not a trusted proxy (the
 * left part of the header is whatever the client chose to send).
 */
export function resolveClientIp(peer: string | null, forwardedFor: string | undefined, trusted: (ip: string) => boolean): string | null {
  if (!peer) return null;
  let client = normalizeIp(peer);
  if (!forwardedFor) return client;
  const hops = forwardedFor.split(',').reverse();
  for (const hop of hops) {
    if (!trusted(client)) return client;
    const address = forwardedAddress(hop);
    if (!address) return client;
    client = address;
  }
  return client;
}

/** Reads the peer from the socket; requests without one (tests' app.request) name it in `x-test-client-ip`. */
function peerAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return c.req.header('x-test-client-ip') ?? null;
  }
}

/** A resolver of the client address honouring `X-Forwarded-For` only from the given proxies. */
export function clientIpResolver(trustedProxies: string[]): (c: Context) => string | null {
  const list = new BlockList();
  for (const entry of trustedProxies) addTrusted(list, entry);
  const trusted = (ip: string) => {
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (c) => resolveClientIp(peerAddress(c), trustedProxies.length ? c.req.header('x-forwarded-for') : undefined, trusted);
}
