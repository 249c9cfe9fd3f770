import { z } from "zod";
import { route } from "@/server/http/route";
import { resolveCurrentEvent, setCurrentEvent } from "@/server/events/service";

const updateMeBody = z.strictObject({ lastEventId: z.string().min(1).max(64) });

// GET /api/me — the signed-in user and their current event
export const GET = route({}, async ({ user }) => ({ user, currentEvent: await resolveCurrentEvent(user.lastEventId) }));

// PATCH /api/me — remember the event the user switched to
export const PATCH = route({ body: updateMeBody, anyEvent: true }, async ({ user, body }) => ({
  currentEvent: await setCurrentEvent(user.id, body.lastEventId),
}));
