import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { prisma, type DbTx } from "@/server/db";

/**
 * "Today" for a rep at the show is the event's calendar day, not the server's: the day runs
 * from local midnight to local midnight in the event's time zone.
 */
export function eventDayBounds(timeZone: string, now = new Date()): { start: Date; end: Date } {
  const local = startOfDay(new TZDate(now.getTime(), timeZone));
  return { start: new Date(local.getTime()), end: new Date(addDays(local, 1).getTime()) };
}

export async function getMyDay(userId: string, event: { id: string; timeZone: string }, now = new Date(), db: DbTx = prisma) {
  const { start, end } = eventDayBounds(event.timeZone, now);
  const [meetings, tasks] = await Promise.all([
    db.meeting.findMany({
      where: { eventId: event.id, ownerId: userId, scheduledAt: { gte: start, lt: end }, status: { not: "CANCELLED" } },
      orderBy: { scheduledAt: "asc" },
      select: {
        id: true, title: true, scheduledAt: true, durationMinutes: true, location: true, locationType: true, status: true,
        person: { select: { id: true, name: true } },
        account: { select: { id: true, name: true } },
      },
    }),
    // Tasks due today, plus overdue ones still pending: a rep should not lose yesterday's call.
    db.sequenceTask.findMany({
      where: { ownerId: userId, status: "PENDING", dueAt: { lt: end }, person: { eventId: event.id, deletedAt: null } },
      orderBy: { dueAt: "asc" },
      take: 20,
      select: {
        id: true, title: true, channel: true, dueAt: true,
        person: { select: { id: true, name: true, account: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  return { start, end, meetings, tasks: tasks.map((t) => ({ ...t, overdue: t.dueAt < start })) };
}
