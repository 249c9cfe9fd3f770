import { startFullExportJob } from "@/server/exports/full-export";
import { route } from "@/server/http/route";
import { eventForRequest } from "@/server/insights/event-scope";
import { startExportBody } from "@/server/jobs/schemas";

// POST /api/export/jobs — prepare a full export in the background, to download when done (admins)
export const POST = route({ access: "admin", body: startExportBody, status: 202 }, async ({ user, body }) =>
  startFullExportJob((await eventForRequest(user, body.eventId)).id, body, user));
