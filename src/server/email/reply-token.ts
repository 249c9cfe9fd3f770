import { createHmac, timingSafeEqual } from "node:crypto";
import { trackingSecret } from "@/server/tracking/tokens";

/**
 * The token in a reply address (`reply+TOKEN@INBOUND_DOMAIN`) names the message it answers and
 * is signed, so a reply is matched to its message even when the prospect's client drops the
 * threading headers, and a made-up address matches nothing. TOKEN = `<outreach id>.<mac>`: the
 * id (a lower-case cuid) and the first 20 hex digits (80 bits) of HMAC-SHA256 over it. Both
 * halves are lower-case letters and digits because some mail servers lower-case the local part.
 */
const MAC_HEX = 20;
const TOKEN = /^([a-z0-9]{8,40})\.([0-9a-f]{20})$/;
/** The local-part prefixes we hand out: replies come back to reply+, bounces (VERP) to bounces+. */
const ADDRESS = /^(?:reply|bounces)\+([a-z0-9]{8,40}\.[0-9a-f]{20})@/i;

function mac(outreachId: string, secret: string): string {
  return createHmac("sha256", secret).update(`reply:${outreachId}`).digest("hex").slice(0, MAC_HEX);
}

export function signReplyToken(outreachId: string, secret = trackingSecret()): string {
  return `${outreachId}.${mac(outreachId, secret)}`;
}

/** The outreach id a token names, or null when the token is malformed or its MAC is wrong. */
export function verifyReplyToken(token: string, secret = trackingSecret()): string | null {
  const match = TOKEN.exec(token.toLowerCase());
  if (!match) return null;
  const expected = Buffer.from(mac(match[1], secret));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : null;
}

/** The outreach id named by the first reply/bounce address among `addresses` whose token verifies. */
export function outreachIdFromAddresses(addresses: readonly string[], secret = trackingSecret()): string | null {
  for (const address of addresses) {
    const token = ADDRESS.exec(address.trim())?.[1];
    const id = token ? verifyReplyToken(token, secret) : null;
    if (id) return id;
  }
  return null;
}
