import { readBodyBytes } from "@/server/http/input";
import { route } from "@/server/http/route";
import { assertInboundSecret, inboundParams as params, MAX_INBOUND_BYTES, receiveSendgridParse } from "@/server/inbound/intake";

// POST /api/webhooks/inbound/:secret — SendGrid Inbound Parse (multipart): a reply, out-of-office or bounce
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  assertInboundSecret(params.secret);
  return receiveSendgridParse(req.headers.get("content-type") ?? "", Buffer.from(await readBodyBytes(req, MAX_INBOUND_BYTES)));
});
