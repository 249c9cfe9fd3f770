import { TZDate } from "@date-fns/tz";
import type { ActivityType } from "@/lib/vocabulary";
import { addDays, startOfDay } from "date-fns";
import { prisma, type DbTx } from "@/server/db";

/**
 * "My day": what a rep should do next, each item a link to where it is done.
 * - Replies to handle: a reply to one of my messages (last 14 days) that I have not answered —
 *   no message sent to that person and no meeting booked with them since the reply.
 * - Overdue and due tasks: my pending LinkedIn/call steps due before the end of today, and
 *   follow-ups after my completed meetings (last 14 days) with no message sent since.
 * - Hot accounts: accounts where people opened or clicked my messages in the last 72 hours
 *   (human engagement only: machine opens never set openedAt/clickedAt), from my most recent
 *   HOT_MESSAGES such messages.
 * - Meetings this week: mine, from the start of today for seven days.
 * - Walk-ups to follow up: people I met at the booth (last 30 days) not emailed or booked since.
 *
 * "Today" for a rep at the show is the event's calendar day, not the server's: the day runs from
 * local midnight to local midnight in the event's time zone.
 */
export function eventDayBounds(timeZone: string, now = new Date()): { start: Date; end: Date } {
  const local = startOfDay(new TZDate(now.getTime(), timeZone));
  return { start: new Date(local.getTime()), end: new Date(addDays(local, 1).getTime()) };
}

const DAY_MS = 86_400_000;
const LIMIT = 5;

/** How many of a rep's most recently opened and clicked messages make their hot accounts. */
const HOT_MESSAGES = 200;

/**
 * A rep's messages opened or clicked since `since`, the most recent first, at most HOT_MESSAGES:
 * the newest opens and the newest clicks, each read from its own index (outreach_owner_opened_idx,
 * outreach_owner_clicked_idx), then merged. One query with "opened or clicked" had to read every
 * such message to pick some (7,960 for a rep in three days at the xl dataset: 0.4 s).
 */
async function recentEngagement(userId: string, eventId: string, since: Date, db: DbTx) {
  const select = { id: true, openedAt: true, clickedAt: true, openCount: true, clickCount: true, account: { select: { id: true, name: true, tier: true } } } as const;
  const base = { eventId, ownerId: userId, accountId: { not: null } };
  const [opened, clicked] = await Promise.all([
    db.outreach.findMany({ where: { ...base, openedAt: { gte: since } }, orderBy: { openedAt: "desc" }, take: HOT_MESSAGES, select }),
    db.outreach.findMany({ where: { ...base, clickedAt: { gte: since } }, orderBy: { clickedAt: "desc" }, take: HOT_MESSAGES, select }),
  ]);
  const last = (o: (typeof opened)[number]) => Math.max(o.openedAt?.getTime() ?? 0, o.clickedAt?.getTime() ?? 0);
  const byId = new Map([...opened, ...clicked].map((o) => [o.id, o]));
  return [...byId.values()].sort((a, b) => last(b) - last(a)).slice(0, HOT_MESSAGES);
}

export async function getMyDay(userId: string, event: { id: string; timeZone: string }, now = new Date(), db: DbTx = prisma) {
  const { start, end } = eventDayBounds(event.timeZone, now);
  const weekEnd = new Date(start.getTime() + 7 * DAY_MS);
  const twoWeeks = new Date(now.getTime() - 14 * DAY_MS);
  const [meetings, tasks, replies, opens, followUps, walkUps] = await Promise.all([
    db.meeting.findMany({
      where: { eventId: event.id, ownerId: userId, scheduledAt: { gte: start, lt: weekEnd }, status: { not: "CANCELLED" } },
      orderBy: { scheduledAt: "asc" },
      take: 20,
      select: {
        id: true, title: true, scheduledAt: true, durationMinutes: true, location: true, locationType: true, status: true,
        person: { select: { id: true, name: true } },
        account: { select: { id: true, name: true } },
      },
    }),
    // Due today, plus overdue ones still pending: a rep should not lose yesterday's call.
    db.sequenceTask.findMany({
      where: { ownerId: userId, status: "PENDING", dueAt: { lt: end }, person: { eventId: event.id, deletedAt: null } },
      orderBy: { dueAt: "asc" },
      take: 20,
      select: {
        id: true, title: true, channel: true, dueAt: true,
        person: { select: { id: true, name: true, account: { select: { id: true, name: true } } } },
      },
    }),
    db.outreach.findMany({
      where: { eventId: event.id, ownerId: userId, repliedAt: { gte: twoWeeks } },
      orderBy: { repliedAt: "desc" },
      take: 40,
      select: { id: true, subject: true, repliedAt: true, personId: true, person: { select: { id: true, name: true, account: { select: { id: true, name: true } } } } },
    }),
    recentEngagement(userId, event.id, new Date(now.getTime() - 3 * DAY_MS), db),
    db.meeting.findMany({
      where: { eventId: event.id, ownerId: userId, status: "COMPLETED", scheduledAt: { gte: twoWeeks, lt: now } },
      orderBy: { scheduledAt: "desc" },
      take: 20,
      select: { id: true, scheduledAt: true, nextStep: true, personId: true, person: { select: { id: true, name: true, account: { select: { name: true } } } } },
    }),
    db.activity.findMany({
      where: { eventId: event.id, actorId: userId, type: "lead.captured" satisfies ActivityType, createdAt: { gte: new Date(now.getTime() - 30 * DAY_MS) }, personId: { not: null } },
      orderBy: { createdAt: "desc" },
      take: 40,
      select: { createdAt: true, description: true, person: { select: { id: true, name: true, leadRating: true, account: { select: { name: true } } } } },
    }),
  ]);

  // What happened since: messages sent to and meetings booked with the people above.
  const personIds = [...new Set([...replies.map((r) => r.personId), ...followUps.map((m) => m.personId), ...walkUps.flatMap((w) => (w.person ? [w.person.id] : []))])];
  const [sentSince, bookedSince] = personIds.length === 0 ? [[], []] : await Promise.all([
    db.outreach.groupBy({ by: ["personId"], where: { personId: { in: personIds }, sentAt: { not: null } }, _max: { sentAt: true } }),
    db.meeting.groupBy({ by: ["personId"], where: { personId: { in: personIds }, status: { not: "CANCELLED" } }, _max: { createdAt: true, scheduledAt: true } }),
  ]);
  const lastSent = new Map(sentSince.map((r) => [r.personId, r._max.sentAt?.getTime() ?? 0]));
  const lastBooked = new Map(bookedSince.map((r) => [r.personId, r._max.createdAt?.getTime() ?? 0]));
  const lastMeeting = new Map(bookedSince.map((r) => [r.personId, r._max.scheduledAt?.getTime() ?? 0]));
  const actedSince = (personId: string, since: Date) => (lastSent.get(personId) ?? 0) > since.getTime() || (lastBooked.get(personId) ?? 0) > since.getTime();
  // After a meeting: a message since, or a later meeting on the calendar.
  const followedUp = (personId: string, met: Date) => (lastSent.get(personId) ?? 0) > met.getTime() || (lastMeeting.get(personId) ?? 0) > met.getTime();

  const seenReply = new Set<string>();
  const repliesToHandle = replies.filter((r) => {
    if (seenReply.has(r.personId) || actedSince(r.personId, r.repliedAt!)) return false;
    seenReply.add(r.personId);
    return true;
  });
  const openFollowUps = followUps.filter((m) => !followedUp(m.personId, m.scheduledAt));
  const openWalkUps = walkUps.filter((w, i) => w.person && walkUps.findIndex((x) => x.person?.id === w.person!.id) === i && !actedSince(w.person.id, w.createdAt));

  const hot = new Map<string, { account: { id: string; name: string; tier: string }; opens: number; clicks: number; lastAt: Date }>();
  for (const o of opens) {
    if (!o.account) continue;
    const at = new Date(Math.max(o.openedAt?.getTime() ?? 0, o.clickedAt?.getTime() ?? 0));
    const entry = hot.get(o.account.id) ?? { account: o.account, opens: 0, clicks: 0, lastAt: at };
    entry.opens += o.openCount;
    entry.clicks += o.clickCount;
    if (at > entry.lastAt) entry.lastAt = at;
    hot.set(o.account.id, entry);
  }

  return {
    start,
    end,
    meetings,
    tasks: tasks.map((t) => ({ ...t, overdue: t.dueAt < start })),
    replies: repliesToHandle.slice(0, LIMIT).map((r) => ({ outreachId: r.id, subject: r.subject, repliedAt: r.repliedAt!, person: r.person })),
    followUps: openFollowUps.slice(0, LIMIT),
    hotAccounts: [...hot.values()].sort((a, b) => b.clicks - a.clicks || b.lastAt.getTime() - a.lastAt.getTime()).slice(0, LIMIT),
    walkUps: openWalkUps.slice(0, LIMIT).map((w) => ({ capturedAt: w.createdAt, person: w.person! })),
    /** How many there are in all (each list shows the first few). */
    totals: { replies: repliesToHandle.length, tasks: tasks.length + openFollowUps.length, hotAccounts: hot.size, meetings: meetings.length, walkUps: openWalkUps.length },
  };
}
export type MyDay = Awaited<ReturnType<typeof getMyDay>>;
