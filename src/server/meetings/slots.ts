/**
 * Slots: whether a time is free for the rep, the attendee and the room (see conflicts.ts for the
 * overlap rule), the advisory locks that serialise two bookings of the same slot, and the free
 * times suggested when a booking clashes.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { MeetingLocationType } from "@/generated/prisma/enums";
import { dayRange, localDay } from "@/server/calendar/time";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { endOf, findConflicts, roomKey, type ConflictKind } from "@/server/meetings/conflicts";

export type ConflictView = {
  id: string;
  reasons: ConflictKind[];
  scheduledAt: Date;
  durationMinutes: number;
  locationType: MeetingLocationType;
  location: string | null;
  personName: string;
  accountName: string | null;
  ownerName: string | null;
};

/** Meetings that would clash with the candidate (rep, person, or room double-booking). */
export async function detectConflicts(
  candidate: { id?: string; eventId: string; ownerId: string | null; personId: string; scheduledAt: Date; durationMinutes: number; locationType: MeetingLocationType; location: string | null },
  db: DbTx = prisma,
): Promise<ConflictView[]> {
  const end = endOf(candidate);
  const or: Prisma.MeetingWhereInput[] = [{ personId: candidate.personId }];
  if (candidate.ownerId) or.push({ ownerId: candidate.ownerId });
  if (candidate.locationType === "MEETING_ROOM" && candidate.location) or.push({ eventId: candidate.eventId, locationType: "MEETING_ROOM" });
  // Rough window in SQL (no meeting is longer than 8 hours), exact overlap in findConflicts.
  const nearby = await db.meeting.findMany({
    where: {
      OR: or,
      status: { in: ["SCHEDULED", "COMPLETED"] },
      scheduledAt: { lt: end, gt: new Date(candidate.scheduledAt.getTime() - 8 * 3_600_000) },
      ...(candidate.id ? { id: { not: candidate.id } } : {}),
    },
    select: {
      id: true, eventId: true, ownerId: true, personId: true, scheduledAt: true, durationMinutes: true, locationType: true, location: true, status: true,
      person: { select: { name: true } },
      account: { select: { name: true } },
      owner: { select: { name: true, email: true } },
    },
  });
  return findConflicts(candidate, nearby).map(({ meeting, reasons }) => ({
    id: meeting.id,
    reasons,
    scheduledAt: meeting.scheduledAt,
    durationMinutes: meeting.durationMinutes,
    locationType: meeting.locationType,
    location: meeting.location,
    personName: meeting.person.name,
    accountName: meeting.account?.name ?? null,
    ownerName: meeting.owner?.name ?? meeting.owner?.email ?? null,
  }));
}

/**
 * Two bookings for the same rep, person or room at the same moment must not both pass the
 * conflict check: transaction-scoped advisory locks on each resource serialise them (always taken
 * in sorted order, so two transactions cannot deadlock).
 */
export async function lockSlots(tx: DbTx, c: { ownerId: string | null; personId: string; eventId: string; locationType: string; location: string | null }) {
  const keys = [`meeting-person:${c.personId}`];
  if (c.ownerId) keys.push(`meeting-owner:${c.ownerId}`);
  const room = roomKey(c.locationType, c.location);
  if (room) keys.push(`meeting-room:${c.eventId}:${room}`);
  for (const key of keys.sort()) {
    await tx.$executeRaw`SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(${key}))) AS locked`;
  }
}

const SLOT_STEP_MIN = 15;
const DAY_OPENS_HOUR = 7;
const DAY_CLOSES_HOUR = 20;

/**
 * Free starts near a busy one, the same local day (7:00–20:00 in the event's zone, every 15
 * minutes, none in the past): the times the same rep, attendee and room are all free for the
 * whole meeting — the closest three, earliest first. One read of that day's meetings.
 */
export async function suggestFreeSlots(
  candidate: { id?: string; eventId: string; ownerId: string | null; personId: string; scheduledAt: Date; durationMinutes: number; locationType: MeetingLocationType; location: string | null },
  db: DbTx = prisma,
  now = new Date(),
): Promise<Date[]> {
  const { timeZone } = await db.event.findUniqueOrThrow({ where: { id: candidate.eventId }, select: { timeZone: true } });
  const { start, end } = dayRange(localDay(candidate.scheduledAt, timeZone), timeZone);
  const or: Prisma.MeetingWhereInput[] = [{ personId: candidate.personId }];
  if (candidate.ownerId) or.push({ ownerId: candidate.ownerId });
  if (candidate.locationType === "MEETING_ROOM" && candidate.location) or.push({ eventId: candidate.eventId, locationType: "MEETING_ROOM" });
  const sameDay = await db.meeting.findMany({
    where: { OR: or, status: { in: ["SCHEDULED", "COMPLETED"] }, scheduledAt: { lt: end, gt: new Date(start.getTime() - 8 * 3_600_000) }, ...(candidate.id ? { id: { not: candidate.id } } : {}) },
    select: { id: true, eventId: true, ownerId: true, personId: true, scheduledAt: true, durationMinutes: true, locationType: true, location: true, status: true },
  });
  const free: Date[] = [];
  for (let t = start.getTime() + DAY_OPENS_HOUR * 3_600_000; t + candidate.durationMinutes * 60_000 <= start.getTime() + DAY_CLOSES_HOUR * 3_600_000; t += SLOT_STEP_MIN * 60_000) {
    if (t < now.getTime() || t === candidate.scheduledAt.getTime()) continue;
    if (findConflicts({ ...candidate, scheduledAt: new Date(t) }, sameDay).length === 0) free.push(new Date(t));
  }
  const wanted = candidate.scheduledAt.getTime();
  return free.sort((a, b) => Math.abs(a.getTime() - wanted) - Math.abs(b.getTime() - wanted)).slice(0, 3).sort((a, b) => a.getTime() - b.getTime());
}

export function conflictError(conflicts: ConflictView[], suggestions: Date[] = []) {
  const what = conflicts
    .flatMap((c) => c.reasons)
    .filter((r, i, all) => all.indexOf(r) === i)
    .map((r) => (r === "rep" ? "the rep" : r === "person" ? "the attendee" : "the room"))
    .join(", ");
  return new AppError(
    "conflict",
    `This time clashes with ${conflicts.length} other meeting${conflicts.length === 1 ? "" : "s"} (${what} already booked). Pick another time or save anyway.`,
    { conflicts, suggestions },
  );
}
