import { clientIp } from "@/server/http/client-ip";
import { route } from "@/server/http/route";
import { recordOpen } from "@/server/tracking/events";
import { pixelResponse, tokenParams } from "@/server/tracking/http";

// GET /api/t/o/:token — open pixel (signed token); always answers with the image
export const GET = route({ access: "public", rateLimit: false, mutates: true, params: tokenParams }, async ({ req, params }) => {
  await recordOpen(params.token, { userAgent: req.headers.get("user-agent"), ip: clientIp(req) });
  return pixelResponse();
});
