import { idParams, route } from "@/server/http/route";
import { updateEventBody } from "@/server/events/schemas";
import { updateEvent } from "@/server/events/service";

// PATCH /api/events/:id — edit an event's name, dates, venue, time zone, booth (admins)
export const PATCH = route({ event: "optional", anyEvent: true, access: "admin", params: idParams, body: updateEventBody }, ({ actor, params, body }) => updateEvent(params.id, body, actor));
