import { route } from "@/server/http/route";
import { startBulkDrafts } from "@/server/outreach/drafts";
import { bulkDraftsBody } from "@/server/outreach/schemas";

// POST /api/outreach/generate/bulk — draft for many people in the background; answers with the job (GET /api/jobs/:id)
export const POST = route({ body: bulkDraftsBody, status: 202 }, ({ actor, body }) => startBulkDrafts(body, actor));
