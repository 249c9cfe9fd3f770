import { route } from "@/server/http/route";
import { runEngineNow } from "@/server/jobs/status";

// POST /api/jobs/engine/run — queue the periodic work (sequences, queued mail, reminders) to run now (admins)
export const POST = route({ access: "admin", event: "optional", status: 202 }, ({ actor }) => runEngineNow(actor));
