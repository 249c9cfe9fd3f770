import { route } from "@/server/http/route";

// GET /api/health/live — the process answers (liveness): no database, no session. It is also the
// benchmark's floor: what the framework and the route wrapper alone cost (docs/PERFORMANCE.md).
export const GET = route({ access: "public", rateLimit: false }, () => ({ status: "live" }));
