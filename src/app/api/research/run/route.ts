import { route } from "@/server/http/route";
import { runResearchBody } from "@/server/research/schemas";
import { startResearch } from "@/server/research/service";

// POST /api/research/run — research accounts in the background; answers with the job to follow (GET /api/jobs/:id)
export const POST = route({ body: runResearchBody, status: 202 }, ({ actor, body }) => startResearch(body.accountIds, actor));
