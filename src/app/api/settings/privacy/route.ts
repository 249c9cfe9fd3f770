import { route } from "@/server/http/route";
import { getPrivacySettings, privacySettingsBody, updatePrivacySettings } from "@/server/privacy/settings";

// GET /api/settings/privacy — the sender's name and postal address for the footer, and the retention period
export const GET = route({ event: "optional" }, () => getPrivacySettings());

// PUT /api/settings/privacy — admins set the sender identity and the retention period
export const PUT = route({ access: "admin", body: privacySettingsBody, event: "optional" }, ({ actor, body }) => updatePrivacySettings(body, actor));
