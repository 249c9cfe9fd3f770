import { route } from "@/server/http/route";
import { getMySettings, updateMySettings, updateMySettingsBody } from "@/server/users/settings";

// GET /api/me/settings — my signature, daily send cap, time zone and notification emails
export const GET = route({ event: "optional" }, ({ actor }) => getMySettings(actor.id));

// PATCH /api/me/settings — change my own settings
export const PATCH = route({ body: updateMySettingsBody, event: "optional" }, ({ actor, body }) => updateMySettings(actor, body));
