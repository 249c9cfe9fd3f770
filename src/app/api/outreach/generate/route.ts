import { route } from "@/server/http/route";
import { generateDrafts } from "@/server/outreach/drafts";
import { generateDraftsBody } from "@/server/outreach/schemas";

// POST /api/outreach/generate — personalised drafts for one person or a selection
export const POST = route({ body: generateDraftsBody }, ({ actor, body }) => generateDrafts(body, actor));
