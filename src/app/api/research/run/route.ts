import { route } from "@/server/http/route";
import { runResearchBody } from "@/server/research/schemas";
import { runResearch } from "@/server/research/service";

// POST /api/research/run — research up to 10 accounts; per-account results
export const POST = route({ body: runResearchBody }, ({ actor, body }) => runResearch(body.accountIds, { actor }));

// Research reads websites and imports write thousands of rows: allow up to a minute.
export const maxDuration = 60;
