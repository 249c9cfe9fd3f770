import { route } from "@/server/http/route";
import { createSequence, createSequenceBody, listSequences, listSequencesQuery } from "@/server/sequences/service";

// GET /api/sequences — the event's sequences with enrollment counts
export const GET = route({ query: listSequencesQuery }, async ({ actor, query }) => {
  const items = await listSequences(actor);
  return { items, total: items.length, page: 1, pageSize: items.length, hasMore: false };
});

// POST /api/sequences — create a sequence (DRAFT) with its steps
export const POST = route({ body: createSequenceBody, status: 201 }, ({ actor, body }) => createSequence(body, actor));
