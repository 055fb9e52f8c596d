import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { webhookHosts } from "@/lib/env";

/** Resolves a host name to its addresses (node's dns.lookup with `all`); a test passes its own. */
export type ResolveHost = (host: string) => Promise<{ address: string; family: number }[]>;

const resolveWithSystem: ResolveHost = (host) => dnsLookup(host, { all: true, verbatim: true });

// Where a webhook must not reach unless an admin named its host: this machine, its networks, the cloud's
// metadata service (169.254.169.254), carrier-grade NAT, multicast and the reserved ranges.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net, prefix, "ipv6");

/** Whether an address is private, loopback, link-local or otherwise not on the public internet (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 0 || PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Whether DOZEN_WEBHOOK_HOSTS names `host` itself (not through a `*.domain` pattern). */
function namedExactly(host: string): boolean {
  return webhookHosts().some((entry) => /^(.*?)(?::\d+)?$/.exec(entry)![1]!.toLowerCase() === host);
}

/**
 * The one address a webhook delivery connects to, resolved once and then pinned (the request never looks the
 * name up again, so a DNS answer that changes between the check and the connection, DNS rebinding, cannot move
 * it). A host that resolves to a private, loopback or link-local address is refused unless DOZEN_WEBHOOK_HOSTS
 * names that host exactly (an internal receiver an admin chose): a `*.domain` pattern never reaches inside.
 * Returns the address, or the reason it is refused (never the URL's path or token).
 */
export async function pinWebhookAddress(opts: {
  url: URL;
  resolve?: ResolveHost;
}): Promise<{ address: string; family: number } | { refused: string; permanent: boolean }> {
  const host = opts.url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (opts.resolve ?? resolveWithSystem)(host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { refused: `${host} could not be resolved (${typeof code === "string" ? code : "error"})`, permanent: false };
    }
  }
  const [first] = addresses;
  if (!first) return { refused: `${host} could not be resolved (no address)`, permanent: false };
  // Every answer is judged, not only the one used: a name that answers both public and private is refused.
  if (addresses.some((a) => isPrivateAddress(a.address)) && !namedExactly(opts.url.hostname.toLowerCase()))
    return {
      refused: `${host} resolves to a private or local address; name the host itself in DOZEN_WEBHOOK_HOSTS to allow it`,
      permanent: true,
    };
  return first;
}
