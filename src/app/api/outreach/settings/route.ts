import { route } from "@/server/http/route";
import { getSendingWindow, sendingWindowBody, updateSendingWindow } from "@/server/outreach/settings";

// GET /api/outreach/settings — the team's sending window
export const GET = route({ event: "optional" }, () => getSendingWindow());

// PUT /api/outreach/settings — admins set the sending window (days, hours in the recipient's zone)
export const PUT = route({ event: "optional", access: "admin", body: sendingWindowBody }, ({ actor, body }) => updateSendingWindow(body, actor));
