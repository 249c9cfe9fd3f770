import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/server/research/ip-policy";

/**
 * Fetching a page a user typed in (an account's website) without letting it reach our own
 * network (SSRF):
 * - http and https only, on ports 80 and 443 only (a website, not a mail, database or admin
 *   port of someone's server); no credentials in the URL;
 * - the host is resolved first and every address it resolves to must be public
 *   (ip-policy.ts); the socket then connects to exactly the checked address (a custom
 *   `lookup`), so a second DNS answer cannot swap in a private one (DNS rebinding), while TLS
 *   still verifies the certificate against the host name;
 * - redirects are followed by hand, at most MAX_REDIRECTS, and each hop is checked again;
 * - one deadline for the whole fetch and a cap on the bytes read (the rest is dropped).
 * Tests inject `allowAddress` (e.g. only 127.0.0.1) and `resolve` so a local server can
 * stand in for a public site; production uses the defaults.
 */
export type SafeFetchOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Decides whether an address may be contacted; defaults to public addresses only. */
  allowAddress?: (address: string) => boolean;
  /** Decides whether a port may be contacted; defaults to 80 and 443 only. */
  allowPort?: (port: number) => boolean;
  /** Host name → addresses; defaults to the system resolver. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
};

export type SafeFetchResult = {
  url: string;
  status: number;
  contentType: string;
  body: string;
  truncated: boolean;
};

export class BlockedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedUrlError";
  }
}

const DEFAULTS = { timeoutMs: 8000, maxBytes: 1_500_000, maxRedirects: 5 };

function isWebPort(port: number): boolean {
  return port === 80 || port === 443;
}

async function systemResolve(hostname: string) {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** Resolves and checks a URL; returns the one address to connect to. */
async function checkUrl(raw: string, options: SafeFetchOptions = {}): Promise<{ url: URL; address: string; family: number }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError(`"${raw}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new BlockedUrlError(`Only http and https are allowed, not ${url.protocol}`);
  if (url.username || url.password) throw new BlockedUrlError("URLs with credentials are not allowed");
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  if (!(options.allowPort ?? isWebPort)(port)) throw new BlockedUrlError(`Only the web ports 80 and 443 are allowed, not ${port}`);
  const allow = options.allowAddress ?? isPublicAddress;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await (options.resolve ?? systemResolve)(host).catch(() => []);
  if (addresses.length === 0) throw new BlockedUrlError(`${host} could not be resolved`);
  const refused = addresses.find((a) => !allow(a.address));
  if (refused) throw new BlockedUrlError(`${host} resolves to ${refused.address}, which is not a public address`);
  return { url, address: addresses[0]!.address, family: addresses[0]!.family };
}

export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...DEFAULTS, ...options };
  const deadline = Date.now() + timeoutMs;
  let current = raw;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const target = await checkUrl(current, options);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new BlockedUrlError("Timed out");
    const response = await requestOnce(target, remaining, maxBytes);
    if (response.status >= 300 && response.status < 400 && response.location) {
      current = new URL(response.location, target.url).toString();
      continue;
    }
    return { url: target.url.toString(), status: response.status, contentType: response.contentType, body: response.body, truncated: response.truncated };
  }
  throw new BlockedUrlError(`More than ${maxRedirects} redirects`);
}

function requestOnce(
  target: { url: URL; address: string; family: number },
  timeoutMs: number,
  maxBytes: number,
): Promise<{ status: number; location: string | null; contentType: string; body: string; truncated: boolean }> {
  // Pin the connection to the address we checked; Node may ask for one or all addresses.
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if (opts && typeof opts === "object" && opts.all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    } else {
      callback(null, target.address, target.family);
    }
  };
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: "GET",
        lookup: pinned,
        agent: false,
        headers: {
          "user-agent": "EventOpsResearch/1.0 (+company research for event outreach)",
          accept: "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1",
          "accept-encoding": "identity",
        },
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === "string" ? res.headers.location : null;
        const contentType = String(res.headers["content-type"] ?? "");
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({ status, location, contentType, body: "", truncated: false });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = maxBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            size = maxBytes;
            truncated = true;
            res.destroy();
            resolve({ status, location, contentType, body: Buffer.concat(chunks).toString("utf8"), truncated });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status, location, contentType, body: Buffer.concat(chunks).toString("utf8"), truncated }));
        res.on("error", (error) => (truncated ? undefined : reject(error)));
      },
    );
    const timer = setTimeout(() => req.destroy(new BlockedUrlError("Timed out")), timeoutMs);
    req.on("timeout", () => req.destroy(new BlockedUrlError("Timed out")));
    req.on("error", (error) => reject(error));
    req.on("close", () => clearTimeout(timer));
    req.end();
  });
}
