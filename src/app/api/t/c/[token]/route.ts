import { clientIp } from "@/server/http/client-ip";
import { route } from "@/server/http/route";
import { resolveClick } from "@/server/tracking/events";
import { redirectResponse, tokenParams } from "@/server/tracking/http";

// GET /api/t/c/:token — click redirect, only to a link that is in that message
export const GET = route({ access: "public", rateLimit: false, params: tokenParams }, async ({ req, params }) =>
  redirectResponse(await resolveClick(params.token, { userAgent: req.headers.get("user-agent"), ip: clientIp(req) })),
);
