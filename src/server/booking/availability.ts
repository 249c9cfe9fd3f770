/**
 * Each rep's booth hours at the current event (when the public booking page may give them a
 * meeting) and their booking link (/book/<event>/<bookingSlug>). A save replaces the rep's windows
 * for the event as a whole: the settings form always sends the full list.
 */
import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { clockTime } from "@/server/booking/slots";
import { eventDays } from "@/server/calendar/time";
import { calendarDay } from "@/lib/calendar-range";
import { prisma } from "@/server/db";
import { appUrl } from "@/server/env";
import { AppError } from "@/server/http/errors";
import type { Actor } from "@/server/access/actor";

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time such as 09:30");
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

export const availabilityBody = z.strictObject({
  windows: z
    .array(z.strictObject({ day: calendarDay, start: clock, end: clock }))
    .max(100, "At most 100 windows")
    .superRefine((windows, ctx) => {
      windows.forEach((w, i) => {
        if (minutes(w.end) <= minutes(w.start)) ctx.addIssue({ code: "custom", path: [i, "end"], message: "The end must be after the start" });
        const clash = windows.findIndex((o, j) => j !== i && o.day === w.day && minutes(o.start) < minutes(w.end) && minutes(w.start) < minutes(o.end));
        if (clash >= 0 && clash < i) ctx.addIssue({ code: "custom", path: [i, "start"], message: "Two windows on the same day overlap" });
      });
    }),
  bookingSlug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "Use 1–40 letters, digits or dashes")
    .optional(),
});
export type AvailabilityBody = z.infer<typeof availabilityBody>;

async function eventFor(actor: Actor) {
  return prisma.event.findUniqueOrThrow({ where: { id: actor.eventId }, select: { id: true, name: true, slug: true, timeZone: true, startDate: true, endDate: true, bookingEnabled: true } });
}

export async function getMyAvailability(actor: Actor) {
  const event = await eventFor(actor);
  const [windows, user] = await Promise.all([
    prisma.availabilityWindow.findMany({ where: { userId: actor.id, eventId: event.id }, orderBy: [{ day: "asc" }, { startMinute: "asc" }] }),
    prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { bookingSlug: true } }),
  ]);
  return {
    event: { name: event.name, slug: event.slug, timeZone: event.timeZone, days: eventDays(event), bookingEnabled: event.bookingEnabled },
    windows: windows.map((w) => ({ day: w.day, start: clockTime(w.startMinute), end: clockTime(w.endMinute) })),
    bookingSlug: user.bookingSlug,
    bookingUrl: user.bookingSlug ? `${appUrl()}/book/${event.slug}/${user.bookingSlug}` : null,
  };
}

export async function setMyAvailability(body: AvailabilityBody, actor: Actor) {
  const event = await eventFor(actor);
  const days = eventDays(event);
  const outside = body.windows.findIndex((w) => !days.includes(w.day));
  if (outside >= 0) throw new AppError("validation_error", `${body.windows[outside].day} is not a day of ${event.name}`, [{ path: `windows.${outside}.day`, message: "Not a show day" }]);
  if (body.bookingSlug) {
    const taken = await prisma.user.findFirst({ where: { bookingSlug: body.bookingSlug, id: { not: actor.id } }, select: { id: true } });
    if (taken) throw new AppError("conflict", "That booking link is taken by a teammate — pick another", [{ path: "bookingSlug", message: "Taken" }]);
  }
  await prisma.$transaction(async (tx) => {
    await tx.availabilityWindow.deleteMany({ where: { userId: actor.id, eventId: event.id } });
    await tx.availabilityWindow.createMany({ data: body.windows.map((w) => ({ userId: actor.id, eventId: event.id, day: w.day, startMinute: minutes(w.start), endMinute: minutes(w.end) })) });
    if (body.bookingSlug !== undefined) await tx.user.update({ where: { id: actor.id }, data: { bookingSlug: body.bookingSlug } });
    const hours = body.windows.reduce((sum, w) => sum + minutes(w.end) - minutes(w.start), 0) / 60;
    await recordActivity({
      type: "availability.updated",
      description: `Set booth hours for ${event.name}: ${body.windows.length} window${body.windows.length === 1 ? "" : "s"}, ${hours} h`,
      actorId: actor.id, eventId: event.id, entityType: "user", entityId: actor.id,
      metadata: { windows: body.windows, bookingSlug: body.bookingSlug ?? null },
    }, tx);
  });
  return getMyAvailability(actor);
}
