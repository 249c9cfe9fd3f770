/**
 * Reading meetings: the list, one meeting by id (only within the actor's event — the one by-id
 * rule, src/server/access/scope.ts), and what the booking dialog needs (attendees, team, zone).
 */
import type { Prisma } from "@/generated/prisma/client";
import { dayRange } from "@/server/calendar/time";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import type { ListMeetingsQuery } from "@/server/meetings/schemas";
import type { PaginatedResponse } from "@/types/api";
import { readPage, rowsOfPage } from "@/server/http/pagination";
import { filterWhere } from "@/server/lists/filters";
import { MEETING } from "@/lib/fields/meeting";

export const meetingSelect = {
  id: true,
  eventId: true,
  personId: true,
  accountId: true,
  ownerId: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  locationType: true,
  location: true,
  address: true,
  status: true,
  agenda: true,
  outcome: true,
  nextStep: true,
  checkedInAt: true,
  icsUid: true,
  icsSequence: true,
  createdAt: true,
  updatedAt: true,
  person: { select: { id: true, name: true, title: true, email: true, phone: true } },
  account: { select: { id: true, name: true, status: true, tier: true } },
  owner: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MeetingSelect;

export type MeetingView = Prisma.MeetingGetPayload<{ select: typeof meetingSelect }>;

export async function listMeetings(query: ListMeetingsQuery, actor: Actor, db: DbTx = prisma): Promise<PaginatedResponse<MeetingView> & { timeZone: string; eventId: string }> {
  const event = actor.event;
  const where: Prisma.MeetingWhereInput = { eventId: event.id, AND: filterWhere(MEETING, query, actor.id) as Prisma.MeetingWhereInput[] };
  if (query.day) {
    const { start, end } = dayRange(query.day, event.timeZone);
    where.scheduledAt = { gte: start, lt: end };
  }
  if (query.q) {
    where.OR = [
      { person: { name: { contains: query.q, mode: "insensitive" } } },
      { account: { name: { contains: query.q, mode: "insensitive" } } },
      { title: { contains: query.q, mode: "insensitive" } },
    ];
  }
  const page = await readPage(
    query,
    (window) => rowsOfPage(
      db.meeting.findMany({ where, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], ...window, select: { id: true } }),
      (ids) => db.meeting.findMany({ where: { id: { in: ids } }, select: meetingSelect }),
    ),
    () => db.meeting.count({ where }),
  );
  return { ...page, timeZone: event.timeZone, eventId: event.id };
}

/** A meeting of the actor's event, or 404. */
export async function getMeeting(id: string, actor: Actor, db: DbTx = prisma): Promise<MeetingView> {
  return inActorEvent(actor, "meeting", await db.meeting.findUnique({ where: { id }, select: meetingSelect }));
}

/** People of the event to book with: by name, email or company. */
export async function searchAttendees(q: string, actor: Actor, db: DbTx = prisma) {
  return db.person.findMany({
    where: {
      eventId: actor.eventId,
      deletedAt: null,
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { account: { name: { contains: q, mode: "insensitive" } } },
      ],
    },
    orderBy: [{ icpScore: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    take: 10,
    select: { id: true, name: true, title: true, email: true, account: { select: { id: true, name: true } } },
  });
}

/** What the booking dialog needs: the event's zone and days, and the team. */
export async function bookingContext(actor: Actor, personId?: string, db: DbTx = prisma) {
  const event = actor.event;
  const [team, found] = await Promise.all([
    db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
    personId
      ? db.person.findUnique({ where: { id: personId }, select: { id: true, eventId: true, deletedAt: true, name: true, title: true, email: true, account: { select: { id: true, name: true } } } })
      : null,
  ]);
  const person = personId ? (({ eventId: _eventId, deletedAt: _deletedAt, ...rest }) => rest)(inActorEvent(actor, "person", found)) : null;
  return {
    event: { id: event.id, name: event.name, timeZone: event.timeZone, startDate: event.startDate.toISOString().slice(0, 10), endDate: event.endDate.toISOString().slice(0, 10), boothNumber: event.boothNumber },
    team,
    person,
    meId: actor.id,
  };
}
