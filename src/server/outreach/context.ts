import { getEventOrThrow, resolveCurrentEvent } from "@/server/events/service";
import { AppError } from "@/server/http/errors";

/** The event a request works in: the one asked for, else the caller's current event. */
export async function eventIdFor(user: { lastEventId: string | null }, eventId?: string): Promise<string> {
  if (eventId) return (await getEventOrThrow(eventId)).id;
  const event = await resolveCurrentEvent(user.lastEventId);
  if (!event) throw new AppError("not_found", "No event yet: create one first");
  return event.id;
}
