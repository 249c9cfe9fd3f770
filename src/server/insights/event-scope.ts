import { resolveCurrentEvent, getEventOrThrow } from "@/server/events/service";
import { AppError } from "@/server/http/errors";
import type { SessionUser } from "@/server/users/session";

/** The event a request works on: the one it names, else the caller's current event. */
export async function eventForRequest(user: SessionUser, eventId: string | undefined) {
  if (eventId) return getEventOrThrow(eventId);
  const event = await resolveCurrentEvent(user.lastEventId);
  if (!event) throw new AppError("not_found", "There is no event yet");
  return event;
}
