import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { env, type Env } from "@/server/env";

/**
 * Which address a request came from, in a way a caller cannot choose by sending a header.
 *
 * Next.js 16 does not give route handlers or pages the socket's peer address, and `next start`
 * only fills X-Forwarded-For when the caller did not send one, so that header is whatever the
 * caller wrote. So our server stamps every request itself: installPeerAddressStamp() (called
 * from src/instrumentation.ts when the Node.js server starts) wraps the HTTP server's "request"
 * event and overwrites two headers before Next.js sees the request:
 *   x-eventops-peer            the socket's remote address
 *   x-eventops-peer-forwarded  "1" when the request arrived with any forwarding header
 * Whatever a caller sent under those names is replaced. The rule then is:
 * - on Vercel (VERCEL is set): Vercel's edge overwrites X-Real-IP / X-Forwarded-For, trust them;
 * - behind proxies listed in TRUSTED_PROXY: when the peer is one of them, walk X-Forwarded-For
 *   from the right past the trusted hops; the first other address is the client;
 * - otherwise the peer address, and X-Forwarded-For is ignored.
 * Without the stamp (the handlers called outside our server) the address is "unknown".
 */
export const PEER_HEADER = "x-eventops-peer";
export const PEER_FORWARDED_HEADER = "x-eventops-peer-forwarded";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

const stampState = globalThis as unknown as { __eventopsPeerStamp?: boolean };

/** Wraps http(s).Server#emit once per process so every request carries its real peer address. */
export function installPeerAddressStamp(): void {
  if (stampState.__eventopsPeerStamp) return;
  for (const Server of [http.Server, https.Server]) {
    const original = Server.prototype.emit;
    Server.prototype.emit = function emitWithPeer(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stampPeer(args[0] as http.IncomingMessage);
      return Reflect.apply(original, this, [event, ...args]) as boolean;
    } as typeof original;
  }
  stampState.__eventopsPeerStamp = true;
}

function stampPeer(req: http.IncomingMessage): void {
  const forwarded = FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined);
  req.headers[PEER_HEADER] = normalizeAddress(req.socket?.remoteAddress ?? "") || "unknown";
  req.headers[PEER_FORWARDED_HEADER] = forwarded ? "1" : "0";
}

function isPeerStampInstalled(): boolean {
  return stampState.__eventopsPeerStamp === true;
}

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an IP address → "". */
function normalizeAddress(value: string): string {
  const trimmed = value.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const address = mapped ? mapped[1]! : trimmed.toLowerCase();
  return isIP(address) ? address : "";
}

export function clientIp(source: { headers: Headers } | Headers, config: Env = env()): string {
  const headers = source instanceof Headers ? source : source.headers;
  if (config.VERCEL) {
    const fromVercel = normalizeAddress(headers.get("x-real-ip") ?? "") || normalizeAddress(headers.get("x-forwarded-for")?.split(",")[0] ?? "");
    return fromVercel || "unknown";
  }
  if (!isPeerStampInstalled()) return "unknown";
  const peer = normalizeAddress(headers.get(PEER_HEADER) ?? "");
  if (!peer) return "unknown";
  const trusted = trustedProxies(config);
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeAddress);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!hop) return peer; // a garbled entry: the chain cannot be followed further
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops.find(Boolean) ?? peer;
}

/**
 * The request came straight from this machine: the socket peer is a loopback address, nothing
 * forwarded it, and it was addressed to a loopback name (which also defeats DNS rebinding: a
 * page on another site that points its name at 127.0.0.1 sends its own Host).
 */
export function isDirectLoopbackRequest(headers: Headers): boolean {
  if (!isPeerStampInstalled()) return false;
  const peer = normalizeAddress(headers.get(PEER_HEADER) ?? "");
  if (!peer || !isLoopback(peer) || headers.get(PEER_FORWARDED_HEADER) !== "0") return false;
  const host = (headers.get("host") ?? "").toLowerCase().replace(/:\d+$/, "");
  return host === "localhost" || host === "[::1]" || isLoopback(normalizeAddress(host));
}

function isLoopback(address: string): boolean {
  return address === "::1" || /^127\./.test(address);
}

let proxyCache: { source: Env["TRUSTED_PROXY"]; list: BlockList } | undefined;

function trustedProxies(config: Env): BlockList | null {
  if (config.TRUSTED_PROXY.length === 0) return null;
  if (proxyCache?.source !== config.TRUSTED_PROXY) {
    const list = new BlockList();
    for (const { address, prefix, family } of config.TRUSTED_PROXY) list.addSubnet(address, prefix, family);
    proxyCache = { source: config.TRUSTED_PROXY, list };
  }
  return proxyCache.list;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}
