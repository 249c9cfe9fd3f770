import { route } from "@/server/http/route";
import { updateMeBody } from "@/server/events/schemas";
import { resolveCurrentEvent, setCurrentEvent } from "@/server/events/service";

// GET /api/me — the signed-in user and their current event
export const GET = route({}, async ({ user }) => ({ user, currentEvent: await resolveCurrentEvent(user.lastEventId) }));

// PATCH /api/me — remember the event the user switched to
export const PATCH = route({ body: updateMeBody }, async ({ user, body }) => ({
  currentEvent: await setCurrentEvent(user.id, body.lastEventId),
}));
