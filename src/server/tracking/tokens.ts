import { createHmac, timingSafeEqual } from "node:crypto";
import { env, isDemoMode } from "@/server/env";

/**
 * Signed tokens for the links inside an email: open pixel (o), click redirect (c), unsubscribe
 * (u), and the booking links: manage a booked meeting (m: reschedule, cancel, .ics), a booking
 * form's render time (f: the timing check against bots) and a one-click booth slot offer
 * (s: person, rep, event and start). A token is base64url(JSON payload) + "." + HMAC-SHA256 over it with
 * TRACKING_SECRET (else AUTH_SECRET). Nothing in a token is trusted unless the MAC matches, and a
 * click token's URL is still checked against the links of its message before redirecting.
 */
export type TokenPayload =
  | { k: "o"; id: string }
  | { k: "c"; id: string; u: string }
  | { k: "u"; id: string }
  | { k: "m"; id: string }
  | { k: "f"; id: string; t: number }
  | { k: "s"; id: string; r: string; e: string; t: string };

// Only development/demo mode may run without a configured secret (tokens then survive restarts
// because the value is fixed, which is harmless for a local outbox).
const DEV_SECRET = "eventops-development-tracking-secret";

export function trackingSecret(): string {
  const config = env();
  const secret = config.TRACKING_SECRET ?? config.AUTH_SECRET;
  if (secret) return secret;
  if (isDemoMode(config) || config.NODE_ENV !== "production") return DEV_SECRET;
  throw new Error("TRACKING_SECRET or AUTH_SECRET must be set to sign tracking links");
}

function mac(data: string, secret: string): string {
  return createHmac("sha256", secret).update(data).digest("base64url");
}

export function signToken(payload: TokenPayload, secret = trackingSecret()): string {
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${mac(data, secret)}`;
}

export function verifyToken<K extends TokenPayload["k"]>(
  token: string,
  kind: K,
  secret = trackingSecret(),
): Extract<TokenPayload, { k: K }> | null {
  if (typeof token !== "string" || token.length > 4096) return null;
  const [data, signature, extra] = token.split(".");
  if (!data || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(data, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  if (p.k !== kind || typeof p.id !== "string") return null;
  if (kind === "c" && typeof p.u !== "string") return null;
  if (kind === "f" && typeof p.t !== "number") return null;
  if (kind === "s" && (typeof p.r !== "string" || typeof p.e !== "string" || typeof p.t !== "string")) return null;
  return payload as Extract<TokenPayload, { k: K }>;
}
