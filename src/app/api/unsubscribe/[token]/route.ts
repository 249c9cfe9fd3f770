import { route } from "@/server/http/route";
import { unsubscribeByToken } from "@/server/tracking/events";
import { redirectResponse, tokenParams } from "@/server/tracking/http";

// POST /api/unsubscribe/:token — one-click unsubscribe (RFC 8058) and the confirm page's form
export const POST = route({ access: "public", crossOrigin: true, params: tokenParams }, async ({ req, params }) => {
  const fromPage = (req.headers.get("accept") ?? "").includes("text/html");
  await unsubscribeByToken(params.token, fromPage ? "page" : "one-click");
  return fromPage ? redirectResponse(`/unsubscribe/${params.token}?done=1`, 303) : { unsubscribed: true };
});
