import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { startBulkDrafts } from "@/server/outreach/drafts";
import { bulkDraftsBody } from "@/server/outreach/schemas";

// POST /api/outreach/generate/bulk — draft for many people in the background; answers with the job (GET /api/jobs/:id)
export const POST = route({ body: bulkDraftsBody, status: 202 }, async ({ user, body }) => startBulkDrafts(body, await eventIdFor(user), user));
