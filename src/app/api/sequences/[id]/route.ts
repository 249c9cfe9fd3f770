import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { getSequenceOrThrow, sequenceProgress, updateSequence, updateSequenceBody } from "@/server/sequences/service";

// GET /api/sequences/:id — the sequence, its steps and its progress
export const GET = route({ params: idParams }, async ({ user, params }) => {
  const eventId = await eventIdFor(user);
  return { ...(await getSequenceOrThrow(params.id, eventId)), progress: await sequenceProgress(params.id, eventId) };
});

// PATCH /api/sequences/:id — rename, edit or append steps (never remove steps once in use)
export const PATCH = route({ params: idParams, body: updateSequenceBody }, async ({ user, params, body }) => updateSequence(params.id, body, await eventIdFor(user), user));
