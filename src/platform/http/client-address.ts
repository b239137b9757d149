import net from 'node:net';

/** Whether to read the client's address from X-Forwarded-For, and how many trusted proxies append to it. */
export interface ProxyTrust {
  trustProxy: boolean;
  /** Trusted proxies in front of the app (TRUSTED_PROXY_HOPS, at least 1). */
  trustedProxyHops: number;
}

/**
 * The client's address, as audit rows and throttles record it. Without a trusted proxy, the
 * socket's peer. Behind `trustedProxyHops` trusted proxies (TRUST_PROXY=true), each proxy appends
 * the address it saw to X-Forwarded-For, so the entry the outermost trusted proxy wrote is the
 * hops-th from the right; everything left of it was written by the client and is never used (a
 * client that prepends entries changes nothing). Fewer entries than hops: the leftmost, which a
 * trusted proxy wrote. An entry that is not an address (`unknown`, garbage): the socket's peer.
 */
export function clientAddress(forwardedFor: string | undefined, peer: () => string | null, trust: ProxyTrust): string | null {
  if (!trust.trustProxy || !forwardedFor) return peer();
  const entries = forwardedFor.split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (entries.length === 0) return peer();
  const entry = entries[Math.max(0, entries.length - Math.max(1, trust.trustedProxyHops))]!;
  return addressOf(entry) ?? peer();
}

/** An X-Forwarded-For entry as a bare address: `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]:80`; null if none. */
function addressOf(entry: string): string | null {
  if (net.isIP(entry)) return entry;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed && net.isIPv6(bracketed[1]!)) return bracketed[1]!;
  const withPort = /^([\d.]+):\d+$/.exec(entry);
  if (withPort && net.isIPv4(withPort[1]!)) return withPort[1]!;
  return null;
}
