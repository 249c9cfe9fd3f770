import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { createSequence, createSequenceBody, listSequences, listSequencesQuery } from "@/server/sequences/service";

// GET /api/sequences — the event's sequences with enrollment counts
export const GET = route({ query: listSequencesQuery }, async ({ user, query }) => {
  const items = await listSequences(await eventIdFor(user, query.eventId));
  return { items, total: items.length, page: 1, pageSize: items.length, hasMore: false };
});

// POST /api/sequences — create a sequence (DRAFT) with its steps
export const POST = route({ body: createSequenceBody, status: 201 }, async ({ user, body }) => createSequence(body, await eventIdFor(user, body.eventId), user));
