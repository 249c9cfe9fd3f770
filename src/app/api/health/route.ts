import { route } from "@/server/http/route";
import { checkHealth } from "@/server/system/health";

// GET /api/health — database reachable and app version; no sign-in needed
export const GET = route({ access: "public", rateLimit: false }, () => checkHealth());
