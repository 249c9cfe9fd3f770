import { startFullExportJob } from "@/server/exports/full-export";
import { route } from "@/server/http/route";
import { startExportBody } from "@/server/jobs/schemas";

// POST /api/export/jobs — prepare a full export in the background, to download when done (admins)
export const POST = route({ access: "admin", body: startExportBody, status: 202 }, ({ actor, body }) => startFullExportJob(body, actor));
