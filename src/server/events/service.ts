import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { DEMO_EVENT_SLUG } from "@/lib/demo-team";

const eventSummary = {
  id: true,
  name: true,
  slug: true,
  startDate: true,
  endDate: true,
  venue: true,
  city: true,
  timeZone: true,
} as const;

export async function listEvents(db: DbTx = prisma) {
  return db.event.findMany({ where: { archivedAt: null }, orderBy: { startDate: "desc" }, select: eventSummary });
}

/**
 * The event a user works in: the one they chose last, else Manifest 2026 (the demo), else the
 * next upcoming event, else the most recent one.
 */
export async function resolveCurrentEvent(lastEventId: string | null, db: DbTx = prisma) {
  if (lastEventId) {
    const chosen = await db.event.findFirst({ where: { id: lastEventId, archivedAt: null }, select: eventSummary });
    if (chosen) return chosen;
  }
  const demo = await db.event.findFirst({ where: { slug: DEMO_EVENT_SLUG, archivedAt: null }, select: eventSummary });
  if (demo) return demo;
  const upcoming = await db.event.findFirst({
    where: { archivedAt: null, endDate: { gte: new Date() } },
    orderBy: { startDate: "asc" },
    select: eventSummary,
  });
  return upcoming ?? db.event.findFirst({ where: { archivedAt: null }, orderBy: { startDate: "desc" }, select: eventSummary });
}

export async function getEventOrThrow(id: string, db: DbTx = prisma) {
  const event = await db.event.findUnique({ where: { id }, select: eventSummary });
  if (!event) throw new AppError("not_found", "Event not found");
  return event;
}

/** Remember the user's event choice (the switcher). */
export async function setCurrentEvent(userId: string, eventId: string, db: DbTx = prisma) {
  const event = await getEventOrThrow(eventId, db);
  await db.user.update({ where: { id: userId }, data: { lastEventId: event.id } });
  return event;
}
