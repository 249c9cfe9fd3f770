import { route } from "@/server/http/route";
import { createEventBody } from "@/server/events/schemas";
import { createEvent, listEvents } from "@/server/events/service";

// GET /api/events — events the team works on
export const GET = route({}, () => listEvents());

// POST /api/events — create an event, optionally copying a previous event's target list (admins)
export const POST = route({ access: "admin", body: createEventBody, status: 201, anyEvent: true }, ({ user, body }) => createEvent(body, user));
