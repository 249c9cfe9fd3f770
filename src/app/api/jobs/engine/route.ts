import { route } from "@/server/http/route";
import { getEngineStatus } from "@/server/jobs/status";

// GET /api/jobs/engine — the job engine: live workers, queue, last runs (admins)
export const GET = route({ access: "admin", event: "optional" }, () => getEngineStatus());
