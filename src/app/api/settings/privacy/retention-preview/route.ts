import { route } from "@/server/http/route";
import { previewRetention } from "@/server/privacy/retention";

// GET /api/settings/privacy/retention-preview — admins see who the retention run erases within the next week
export const GET = route({ access: "admin", event: "optional" }, () => previewRetention());
