/*
 * How ToCloud9's registry names what registers: ids are the decimal FNV-1a (32-bit) hash of the
 * lower-cased address, so the same address always gets the same id; hosts come from the
 * preferred host name or, failing that, the caller's IP.
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/** FNV-1a, 32-bit, over the UTF-8 bytes of `text` (Go's `hash/fnv` `New32a`). */
export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, FNV_PRIME) >>> 0;
  return hash >>> 0;
}

/** A server id: the decimal FNV-1a 32 of the lower-cased address. */
export function serverIdFor(address: string): string {
  return String(fnv1a32(address.toLowerCase()));
}

/**
 * A display alias derived from the same hash, `ws-` and six base-36 digits. (ToCloud9 builds
 * word aliases such as `red-onyxia-7k`; tc9's are its own and only for display.)
 */
export function aliasFor(address: string): string {
  return `ws-${fnv1a32(`alias:${address.toLowerCase()}`).toString(36).padStart(6, "0").slice(-6)}`;
}

/**
 * The caller's host from a call's peer (`127.0.0.1:54321`, `::1:54321`, `::ffff:10.0.0.5:4000`).
 * IPv4-mapped addresses become IPv4, other IPv6 hosts are bracketed; an in-process call (no
 * network peer) counts as loopback.
 */
export function hostFromPeer(peer: string): string {
  const withoutPort = peer.replace(/^ipv[46]:/, "").replace(/:\d+$/, "");
  const host = withoutPort.replace(/^\[(.*)\]$/, "$1");
  if (host === "" || host === "in-process" || host === "unknown") return "127.0.0.1";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host);
  if (mapped?.[1]) return mapped[1];
  return host.includes(":") ? `[${host}]` : host;
}

/** The map ids of a comma-separated list; entries that are not numbers are skipped, like ToCloud9 does. */
export function parseAvailableMaps(list: string): number[] {
  const maps = list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((map) => map <= 0xffffffff);
  return [...new Set(maps)].sort((a, b) => a - b);
}
