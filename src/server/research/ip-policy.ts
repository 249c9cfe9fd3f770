import { isIP } from "node:net";

/**
 * Which addresses the researcher may connect to: public unicast only.
 *
 * Refused IPv4: 0/8, 10/8, 100.64/10 (CGNAT), 127/8, 169.254/16 (link-local, cloud metadata),
 * 172.16/12, 192.0.0/24, 192.0.2/24, 192.88.99/24, 192.168/16, 198.18/15, 198.51.100/24,
 * 203.0.113/24, 224/4 (multicast) and 240/4 (reserved, broadcast).
 * IPv6: only global unicast 2000::/3 is allowed, minus documentation 2001:db8::/32, Teredo
 * 2001::/32, 6to4 2002::/16 and NAT64 64:ff9b::/96 (which embed IPv4 addresses); so ::, ::1,
 * IPv4-mapped ::ffff:0:0/96, ULA fc00::/7, link-local fe80::/10 and multicast ff00::/8 are
 * refused too.
 */
const BLOCKED_V4: readonly (readonly [number, number])[] = [
  [ip4("0.0.0.0"), 8], [ip4("10.0.0.0"), 8], [ip4("100.64.0.0"), 10], [ip4("127.0.0.0"), 8],
  [ip4("169.254.0.0"), 16], [ip4("172.16.0.0"), 12], [ip4("192.0.0.0"), 24], [ip4("192.0.2.0"), 24],
  [ip4("192.88.99.0"), 24], [ip4("192.168.0.0"), 16], [ip4("198.18.0.0"), 15], [ip4("198.51.100.0"), 24],
  [ip4("203.0.113.0"), 24], [ip4("224.0.0.0"), 4], [ip4("240.0.0.0"), 4],
];

function ip4(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function isPublicIPv4(address: string): boolean {
  const value = ip4(address);
  return !BLOCKED_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

/** 16 bytes of an IPv6 address (handles "::" and a trailing dotted IPv4). */
export function ipv6Bytes(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v = ip4(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${((v >>> 16) & 0xffff).toString(16)}:${(v & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}

function isPublicIPv6(address: string): boolean {
  const b = ipv6Bytes(address);
  if (!b) return false;
  if ((b[0]! & 0xe0) !== 0x20) return false; // not 2000::/3 global unicast
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return false; // 2001:db8::/32
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0 && b[3] === 0) return false; // Teredo 2001::/32
  if (b[0] === 0x20 && b[1] === 0x02) return false; // 6to4
  return true;
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address.replace(/^\[|\]$/g, ""));
  if (family === 4) return isPublicIPv4(address);
  if (family === 6) return isPublicIPv6(address);
  return false;
}
