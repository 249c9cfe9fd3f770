import { clientIp } from "@/server/http/client-ip";
import { route } from "@/server/http/route";
import { unsubscribeByToken } from "@/server/tracking/events";
import { redirectResponse, tokenParams } from "@/server/tracking/http";

// POST /api/unsubscribe/:token — one-click unsubscribe (RFC 8058) and the confirm page's form.
// Limits and cache expiry are the service's: a forged token costs no write (tracking/events.ts).
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params: tokenParams }, async ({ req, params }) => {
  const fromPage = (req.headers.get("accept") ?? "").includes("text/html");
  await unsubscribeByToken(params.token, fromPage ? "page" : "one-click", { ip: clientIp(req) });
  return fromPage ? redirectResponse(`/unsubscribe/${params.token}?done=1`, 303) : { unsubscribed: true };
});
