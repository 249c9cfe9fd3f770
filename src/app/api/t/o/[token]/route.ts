import { clientIp } from "@/server/http/client-ip";
import { route } from "@/server/http/route";
import { recordOpen } from "@/server/tracking/events";
import { pixelResponse, tokenParams } from "@/server/tracking/http";

// GET /api/t/o/:token — open pixel (signed token); always answers with the image. Limits and
// cache expiry are the service's: a forged token costs no write (tracking/events.ts).
export const GET = route({ access: "public", rateLimit: false, params: tokenParams }, async ({ req, params }) => {
  await recordOpen(params.token, { userAgent: req.headers.get("user-agent"), ip: clientIp(req) });
  return pixelResponse();
});
