/**
 * Event-day (booth) mode.
 *
 * "Today" is the calendar day in the event's time zone, not the rep's laptop. When today is not
 * one of the event's days, the agenda shows the next event day that is still ahead (or, after the
 * show, the last one) and says so.
 *
 * Offline, the phone works from a snapshot of every show day's team agenda (offlineAgenda): the
 * meetings with the attendee's name, title, company, the account's tier and status, and up to
 * three talking points from research. Walk-up capture and matching live in leads.ts.
 */
import { BOOTH_FIRST_VIEW, BOOTH_FIRST_VIEW_COUNT_CAP, pickBoothDay, type BoothPhase } from "@/lib/booth/days";
import { dayRange, eventDays, localDay } from "@/server/calendar/time";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { ownedBy, refusalReason } from "@/server/access/permissions";
import { meetingSelect, type MeetingView } from "@/server/meetings/queries";
import { formatInZone } from "@/lib/time";

type BoothDay = {
  event: { id: string; name: string; timeZone: string; boothNumber: string | null; venue: string | null };
  day: string;
  today: string;
  isToday: boolean;
  /** "during" — today is an event day; "before" — the next event day is shown; "after" — the show is over. */
  phase: BoothPhase;
  days: string[];
};


/**
 * A meeting as the phone keeps it for offline reading. `completeRefusal`: why this rep may not
 * complete it (another rep's meeting; the permission matrix), so the phone disables the button
 * offline too instead of queueing a refused action. Check-in and no-show are anyone's.
 */
type AgendaMeeting = MeetingView & {
  talkingPoints: string[];
  completeRefusal: string | null;
  /**
   * First view only: the time as the card shows it ("9:00 AM PST", the event's zone). The page
   * then hydrates without building the browser's zone-name formatter (ICU data, tens of
   * milliseconds on a phone) while the rep waits; the whole agenda is formatted on the phone.
   */
  timeLabel?: string;
};

export type BoothAgenda = BoothDay & {
  /** When the server read it: the phone keeps the newest snapshot it has seen. */
  fetchedAt: string;
  userId: string;
  /** Every show day's meetings of the whole team (not cancelled), the phone filters "mine". */
  meetings: AgendaMeeting[];
  /**
   * Only this rep's meetings of `day`: what the booth page renders first. The phone then fetches
   * the whole agenda (GET /api/booth/agenda) and keeps that one; a first view is never stored.
   */
  firstView?: true;
  /** First view only: how many of this rep's meetings of `day` it leaves for the whole agenda. */
  firstViewMore?: number;
  /** First view only, when the day holds more than the count reads: `firstViewMore` is "at least". */
  firstViewMoreAtLeast?: true;
};

const TALKING_POINTS_PER_MEETING = 3;

/**
 * The booth snapshot: the day to open on (see pickBoothDay), every show day, and every show day's
 * team meetings with talking points — what the phone caches to work a show day offline.
 */
export async function boothAgenda(actor: Actor, options: { now?: Date; firstView?: boolean } = {}, db: DbTx = prisma): Promise<BoothAgenda> {
  const now = options.now ?? new Date();
  const event = actor.event;
  const days = eventDays(event);
  const today = localDay(now, event.timeZone);
  const picked = pickBoothDay(days, today);
  // The first view: the rep's own meetings of the day shown. The whole team's show days can be
  // thousands of meetings (megabytes in the page), which the phone fetches after the page is up.
  const start = dayRange(options.firstView ? picked.day : (days[0] ?? picked.day), event.timeZone).start;
  const end = dayRange(options.firstView ? picked.day : (days[days.length - 1] ?? picked.day), event.timeZone).end;
  const { meetings, more, moreAtLeast } = options.firstView
    ? await firstViewMeetings(actor, { start, end }, db)
    : {
      meetings: await db.meeting.findMany({
        where: { eventId: event.id, scheduledAt: { gte: start, lt: end }, status: { not: "CANCELLED" } },
        orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
        select: meetingSelect,
      }),
      more: 0,
      moreAtLeast: false,
    };
  const points = await talkingPoints(meetings, db);
  return {
    event: { id: event.id, name: event.name, timeZone: event.timeZone, boothNumber: event.boothNumber, venue: event.venue },
    day: picked.day,
    today,
    isToday: picked.day === today,
    phase: picked.phase,
    days,
    fetchedAt: now.toISOString(),
    userId: actor.id,
    ...(options.firstView ? { firstView: true as const, firstViewMore: more, ...(moreAtLeast ? { firstViewMoreAtLeast: true as const } : {}) } : {}),
    meetings: meetings.map((m) => ({
      ...m,
      talkingPoints: points.get(m.personId) ?? points.get(m.accountId ?? "") ?? [],
      completeRefusal: refusalReason(actor, "meeting", "complete", ownedBy(m.owner)),
      ...(options.firstView ? { timeLabel: formatInZone(m.scheduledAt, event.timeZone, "time") } : {}),
    })),
  };
}

/**
 * The page's first view (in time order): the rep's next open meetings and last finished ones of
 * the day, read as such, and how many more the day has, counted up to BOOTH_FIRST_VIEW_COUNT_CAP.
 * Reading the rep's whole day to pick them took 176 ms at the xl dataset (3,160 meetings of one
 * rep on one day); counting them all, 7 ms.
 */
async function firstViewMeetings(actor: Actor, day: { start: Date; end: Date }, db: DbTx) {
  const mine = { eventId: actor.eventId, ownerId: actor.id, scheduledAt: { gte: day.start, lt: day.end } };
  const [open, done, all] = await Promise.all([
    db.meeting.findMany({ where: { ...mine, status: "SCHEDULED" }, orderBy: [{ scheduledAt: "asc" }, { id: "asc" }], take: BOOTH_FIRST_VIEW.open, select: meetingSelect }),
    db.meeting.findMany({ where: { ...mine, status: { in: ["COMPLETED", "NO_SHOW"] } }, orderBy: [{ scheduledAt: "desc" }, { id: "desc" }], take: BOOTH_FIRST_VIEW.done, select: meetingSelect }),
    db.meeting.count({ where: { ...mine, status: { not: "CANCELLED" } }, take: BOOTH_FIRST_VIEW_COUNT_CAP + 1 }),
  ]);
  const meetings = [...open, ...done].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const capped = all > BOOTH_FIRST_VIEW_COUNT_CAP;
  return { meetings, more: (capped ? BOOTH_FIRST_VIEW_COUNT_CAP : all) - meetings.length, moreAtLeast: capped };
}

/** Research talking points per person, else per account (newest first), a few each. */
async function talkingPoints(meetings: { personId: string; accountId: string | null }[], db: DbTx): Promise<Map<string, string[]>> {
  const personIds = [...new Set(meetings.map((m) => m.personId))];
  const accountIds = [...new Set(meetings.flatMap((m) => (m.accountId ? [m.accountId] : [])))];
  if (personIds.length === 0) return new Map();
  const insights = await db.insight.findMany({
    where: { category: "talking_point", OR: [{ personId: { in: personIds } }, { accountId: { in: accountIds }, personId: null }] },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { personId: true, accountId: true, content: true },
  });
  const byKey = new Map<string, string[]>();
  for (const insight of insights) {
    const key = insight.personId ?? insight.accountId;
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    if (list.length < TALKING_POINTS_PER_MEETING) list.push(insight.content);
    byKey.set(key, list);
  }
  return byKey;
}
