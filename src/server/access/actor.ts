import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { prisma, type DbTx } from "@/server/db";
import { getEventOrThrow, resolveCurrentEvent, type EventSummary } from "@/server/events/service";
import { AppError } from "@/server/http/errors";
import type { SessionUser } from "@/server/users/session";

/**
 * Who acts, on which event: the one answer every service takes.
 *
 * The route wrapper (src/server/http/route.ts) and the pages (getActor in ./page-actor.ts)
 * resolve it once per request, here and nowhere else: the event is the one the request names
 * (`eventId` in the query or the body), else the user's current event (the switcher's choice,
 * else the demo event, else the next upcoming one, else the latest). A named event that does
 * not exist is 404. Services read `actor.eventId`; they never resolve an event themselves.
 */

type Who = Pick<SessionUser, "id" | "email" | "name" | "image" | "role">;

/** A signed-in teammate working on one event. */
export type Actor = Who & { eventId: string; event: EventSummary };

/** A signed-in teammate before any event exists (team, settings, creating the first event). */
type ActorWithoutEvent = Who & { eventId: null; event: null };

/** What routes that work without an event (`event: "optional"`) and pages get. */
export type TeamActor = Actor | ActorWithoutEvent;

;

/** The one optional `eventId` field a list or create schema declares to act on another event. */
export const eventScopeField = { eventId: z.string().min(1).max(64).optional() };

function who(user: Who): Who {
  return { id: user.id, email: user.email, name: user.name, image: user.image, role: user.role };
}

/** The actor for a user and an optional named event; without a named event and with no event at all, the event is null. */
export async function findActor(user: SessionUser, requestedEventId?: string, db: DbTx = prisma): Promise<TeamActor> {
  // The session lookup already read the user's event (users/session.ts); null means none is open.
  const event = requestedEventId
    ? await getEventOrThrow(requestedEventId, db)
    : user.currentEvent !== undefined ? user.currentEvent : await resolveCurrentEvent(user.lastEventId, db);
  return event ? { ...who(user), eventId: event.id, event } : { ...who(user), eventId: null, event: null };
}

const NO_EVENT_MESSAGE = "There is no event yet: an admin creates one on the Events page";

/** The actor of a request that works on an event (404 when no event exists yet). */
export async function resolveActor(user: SessionUser, requestedEventId?: string, db: DbTx = prisma): Promise<Actor> {
  return requireEvent(await findActor(user, requestedEventId, db));
}

export function requireEvent(actor: TeamActor): Actor {
  if (!actor.event) throw new AppError("not_found", NO_EVENT_MESSAGE);
  return actor;
}

/** The name activity descriptions use for the actor. */
export function actorName(actor: Pick<Who, "name" | "email">): string {
  return actor.name ?? actor.email;
}

export function isAdmin(actor: Pick<Who, "role">): boolean {
  return actor.role === "ADMIN";
}
