import { readBodyBytes } from "@/server/http/input";
import { route } from "@/server/http/route";
import { assertInboundSecret, inboundParams as params, MAX_INBOUND_BYTES, receiveRawMime } from "@/server/inbound/intake";

// POST /api/webhooks/inbound/:secret/mime — a raw RFC 5322 message (Postmark, Mailgun, your own MTA)
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  assertInboundSecret(params.secret);
  return receiveRawMime(req.headers.get("content-type") ?? "", Buffer.from(await readBodyBytes(req, MAX_INBOUND_BYTES)));
});
