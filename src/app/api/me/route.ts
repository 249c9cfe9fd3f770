import { route } from "@/server/http/route";
import { updateMeBody } from "@/server/events/schemas";
import { setCurrentEvent } from "@/server/events/service";

// GET /api/me — the signed-in user and their current event (null before the first event exists)
export const GET = route({ event: "optional" }, ({ actor }) => {
  const { event, eventId: _eventId, ...user } = actor;
  return { user, currentEvent: event };
});

// PATCH /api/me — remember the event the user switched to
export const PATCH = route({ event: "optional", anyEvent: true, body: updateMeBody }, async ({ actor, body }) => ({
  currentEvent: await setCurrentEvent(actor.id, body.lastEventId),
}));
