import { route } from "@/server/http/route";
import { streamDraft } from "@/server/outreach/drafts";
import { streamDraftBody } from "@/server/outreach/schemas";

// POST /api/outreach/generate/stream — one draft, streamed (NDJSON) as the model writes it
export const POST = route({ body: streamDraftBody }, ({ actor, body }) => streamDraft(body, actor));
