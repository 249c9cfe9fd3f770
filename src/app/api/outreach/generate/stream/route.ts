import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { streamDraft } from "@/server/outreach/drafts";
import { streamDraftBody } from "@/server/outreach/schemas";

// POST /api/outreach/generate/stream — one draft, streamed (NDJSON) as the model writes it
export const POST = route({ body: streamDraftBody }, async ({ user, body }) => streamDraft(body, await eventIdFor(user), user));
