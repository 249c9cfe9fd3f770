import { route } from "@/server/http/route";
import { createEventBody } from "@/server/events/schemas";
import { createEvent, listEvents } from "@/server/events/service";

// GET /api/events — events the team works on
export const GET = route({ event: "optional" }, () => listEvents());

// POST /api/events — create an event, optionally copying a previous event's target list (admins)
export const POST = route({ event: "optional", anyEvent: true, access: "admin", body: createEventBody, status: 201 }, ({ actor, body }) => createEvent(body, actor));
