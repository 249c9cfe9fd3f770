import { z } from "zod";
import { readBodyCapped } from "@/server/http/body";
import { route } from "@/server/http/route";
import { assertInboundSecret, MAX_INBOUND_BYTES, receiveSendgridParse } from "@/server/inbound/intake";

const params = z.object({ secret: z.string().max(200) });

// POST /api/webhooks/inbound/:secret — SendGrid Inbound Parse (multipart): a reply, out-of-office or bounce
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  assertInboundSecret(params.secret);
  return receiveSendgridParse(req.headers.get("content-type") ?? "", await readBodyCapped(req, MAX_INBOUND_BYTES));
});
