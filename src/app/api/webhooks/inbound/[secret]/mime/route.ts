import { z } from "zod";
import { readBodyCapped } from "@/server/http/body";
import { route } from "@/server/http/route";
import { assertInboundSecret, MAX_INBOUND_BYTES, receiveRawMime } from "@/server/inbound/intake";

const params = z.object({ secret: z.string().max(200) });

// POST /api/webhooks/inbound/:secret/mime — a raw RFC 5322 message (Postmark, Mailgun, your own MTA)
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  assertInboundSecret(params.secret);
  return receiveRawMime(req.headers.get("content-type") ?? "", await readBodyCapped(req, MAX_INBOUND_BYTES));
});
