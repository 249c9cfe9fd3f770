/**
 * What the team captured at the show, for follow-up: the "Hot leads from the show" list (and all
 * captures, by day and rating), each capture's card photo, and enrolling one day's captures in a
 * post-show sequence in one go (through the sequences service, so its rules — suppressed
 * addresses, people already in a sequence, people without email — apply and are reported).
 */
import { z } from "zod";
import { LEAD_RATINGS } from "@/lib/booth/schemas";
import { dayRange, eventDays } from "@/server/calendar/time";
import { calendarDay } from "@/lib/calendar-range";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { Actor } from "@/server/access/actor";
import { enrollPeople } from "@/server/sequences/service";


export const listCapturesQuery = z.strictObject({
  rating: z.enum(LEAD_RATINGS).optional(),
  day: calendarDay.optional(),
  mine: z.enum(["true", "false"]).optional(),
});

export const enrollCapturesBody = z.strictObject({
  sequenceId: z.string().min(1).max(64),
  /** A show day in the event's zone: that day's captures. */
  day: calendarDay,
  rating: z.enum(LEAD_RATINGS).optional(),
});

async function captureWhere(actor: Actor, q: { rating?: string; day?: string; mine?: string }) {
  const { eventId, event } = actor;
  const range = q.day ? dayRange(q.day, event.timeZone) : null;
  return {
    eventId,
    timeZone: event.timeZone,
    days: eventDays(event),
    where: {
      eventId,
      // A capture of a person in the Trash goes with them (and comes back on restore).
      person: { deletedAt: null },
      ...(q.rating ? { rating: q.rating } : {}),
      ...(q.mine === "true" ? { capturedById: actor.id } : {}),
      ...(range ? { capturedAt: { gte: range.start, lt: range.end } } : {}),
    },
  };
}

export async function listCaptures(actor: Actor, q: z.infer<typeof listCapturesQuery>) {
  const { where, timeZone, days } = await captureWhere(actor, q);
  const items = await prisma.leadCapture.findMany({
    where,
    orderBy: [{ capturedAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, capturedAt: true, rating: true, note: true, tags: true, source: true, scanFormat: true, cardImageType: true,
      person: { select: { id: true, name: true, title: true, email: true } },
      account: { select: { id: true, name: true } },
      capturedBy: { select: { id: true, name: true, email: true } },
    },
  });
  return { timeZone, days, items: items.map(({ cardImageType, ...c }) => ({ ...c, hasCardPhoto: cardImageType !== null })) };
}

export async function captureCardPhoto(id: string, actor: Actor): Promise<{ type: string; bytes: Uint8Array }> {
  const { eventId } = actor;
  const capture = await prisma.leadCapture.findFirst({ where: { id, eventId }, select: { cardImage: true, cardImageType: true } });
  if (!capture?.cardImage || !capture.cardImageType) throw new AppError("not_found", "This capture has no card photo");
  return { type: capture.cardImageType, bytes: capture.cardImage };
}

/** Enrolls everyone captured on that show day (optionally only hot/warm/cold) in the sequence. */
export async function enrollCaptures(actor: Actor, body: z.infer<typeof enrollCapturesBody>) {
  const { where } = await captureWhere(actor, { day: body.day, rating: body.rating });
  const personIds = [...new Set((await prisma.leadCapture.findMany({ where, select: { personId: true } })).map((c) => c.personId))];
  if (personIds.length === 0) throw new AppError("validation_error", `Nobody was captured on ${body.day}${body.rating ? ` as ${body.rating}` : ""}`, [{ path: "day", message: "No captures that day" }]);
  return enrollPeople(body.sequenceId, { personIds }, actor);
}
