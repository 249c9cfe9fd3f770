import { route } from "@/server/http/route";
import { getMySettings, updateMySettings, updateMySettingsBody } from "@/server/users/settings";

// GET /api/me/settings — my signature, daily send cap, time zone and notification emails
export const GET = route({}, ({ user }) => getMySettings(user.id));

// PATCH /api/me/settings — change my own settings
export const PATCH = route({ body: updateMySettingsBody }, ({ user, body }) => updateMySettings(user, body));
