import { idParams, route } from "@/server/http/route";
import { getSequenceOrThrow, sequenceProgress, updateSequence, updateSequenceBody } from "@/server/sequences/service";

// GET /api/sequences/:id — the sequence, its steps and its progress
export const GET = route({ params: idParams }, async ({ actor, params }) => ({
  ...(await getSequenceOrThrow(params.id, actor)),
  progress: await sequenceProgress(params.id, actor),
}));

// PATCH /api/sequences/:id — rename, edit or append steps (never remove steps once in use)
export const PATCH = route({ params: idParams, body: updateSequenceBody }, ({ actor, params, body }) => updateSequence(params.id, body, actor));
