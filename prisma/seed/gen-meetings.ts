/**
 * Show-floor meetings. Accounts whose status says a meeting was booked (MEETING_SCHEDULED, and
 * WON deals that meet to plan the rollout; at a past show also half of the ENGAGED and LOST
 * ones) get one to four meetings with their best contacts,
 * during show hours (9:00–17:00 in the event's time zone) on the event days. A rep is not
 * double-booked while free slots remain (the large scale runs out of slots and overlaps).
 * Whether a meeting is done depends only on its end time versus `asOf`.
 */
import { BOOTH_ROOMS, MEETING_AGENDAS, MEETING_OUTCOMES, NEXT_STEPS, OFFSITE_SPOTS } from "./catalog";
import { DAY_MS, HOUR_MS, MINUTE_MS, between, type EventContext } from "./context";
import type { AccountInfo, PersonInfo } from "./gen-accounts";
import { zonedTime } from "./timeline";
import type { MeetingRow } from "./types";
import type { MeetingStatus } from "../../src/generated/prisma/enums";

const VENUE_ADDRESS = "Venetian Expo, 201 Sands Ave, Las Vegas, NV 89169";
const SLOT_MINUTES = 30;
const FIRST_SLOT_HOUR = 9;
const SLOTS_PER_DAY = 16; // 9:00 … 16:30

function personPriority(p: PersonInfo): number {
  const persona = p.profile.isExecOps ? 4 : p.profile.isOps ? 3 : p.profile.isTech ? 2 : p.profile.isProc ? 1.5 : 0.5;
  return persona * 100 + p.row.icpScore;
}

export function generateMeetings(ctx: EventContext, accounts: AccountInfo[]): MeetingRow[] {
  const rng = ctx.rng.fork("meetings");
  const { plan, asOf, team, event } = ctx;
  const busy = new Set<string>();
  const meetings: MeetingRow[] = [];

  for (const account of accounts) {
    const status = account.row.status;
    // At a past show, deals that went nowhere (ENGAGED, LOST) often met at the booth too.
    const metAnyway = !ctx.isMain && (status === "ENGAGED" || status === "LOST") && rng.chance(0.5);
    if (status !== "MEETING_SCHEDULED" && status !== "WON" && !metAnyway) continue;
    const wanted =
      status === "MEETING_SCHEDULED"
        ? rng.weighted([[1, 10], [2, 35], [3, 35], [4, 20]] as const)
        : rng.weighted([[1, 40], [2, 40], [3, 20]] as const);
    const attendees = account.people
      .slice()
      .sort((a, b) => personPriority(b) - personPriority(a))
      .slice(0, wanted);
    const owner = team.byId.get(account.row.assignedToId ?? "") ?? team.enterprise;

    for (const person of attendees) {
      const locationType = rng.weighted([["BOOTH", 55], ["MEETING_ROOM", 30], ["OFFSITE", 8], ["VIRTUAL", 7]] as const);
      const durationMinutes = locationType === "MEETING_ROOM" ? 45 : locationType === "OFFSITE" ? 60 : 30;
      const slotsNeeded = Math.ceil(durationMinutes / SLOT_MINUTES);
      // Lunch off-site happens at lunchtime; everything else anywhere in show hours.
      const candidates: number[] = [];
      for (let day = 0; day < plan.days.length; day++) {
        for (let s = 0; s + slotsNeeded <= SLOTS_PER_DAY; s++) {
          if (locationType === "OFFSITE" && (s < 5 || s > 8)) continue; // 11:30–13:00 starts
          candidates.push(day * SLOTS_PER_DAY + s);
        }
      }
      const isFree = (slot: number) => {
        for (let k = 0; k < slotsNeeded; k++) if (busy.has(`${owner.id}|${slot + k}`)) return false;
        return true;
      };
      let slot = rng.pick(candidates);
      for (let attempt = 0; attempt < 40 && !isFree(slot); attempt++) slot = rng.pick(candidates);
      for (let k = 0; k < slotsNeeded; k++) busy.add(`${owner.id}|${slot + k}`);

      const day = plan.days[Math.floor(slot / SLOTS_PER_DAY)]!;
      const minutes = FIRST_SLOT_HOUR * 60 + (slot % SLOTS_PER_DAY) * SLOT_MINUTES;
      const scheduledAt = zonedTime(day, Math.floor(minutes / 60), minutes % 60, event.timeZone);
      const end = scheduledAt.getTime() + durationMinutes * MINUTE_MS;

      const bookedFrom = Math.max(account.row.createdAt.getTime() + DAY_MS, asOf.getTime() - 28 * DAY_MS);
      const bookedTo = Math.min(asOf.getTime() - 30 * MINUTE_MS, scheduledAt.getTime() - 2 * HOUR_MS);
      const createdAt = between(rng, Math.min(bookedFrom, bookedTo), bookedTo);

      let meetingStatus: MeetingStatus;
      if (end <= asOf.getTime()) {
        meetingStatus = rng.weighted([["COMPLETED", 84], ["NO_SHOW", 10], ["CANCELLED", 6]] as const);
      } else {
        meetingStatus = rng.chance(0.94) ? "SCHEDULED" : "CANCELLED";
      }
      const rescheduled = rng.weighted([[0, 80], [1, 15], [2, 5]] as const);
      const id = ctx.ids.next("meet");
      const kind =
        locationType === "BOOTH"
          ? "Booth demo"
          : locationType === "MEETING_ROOM"
            ? "Yard strategy session"
            : locationType === "OFFSITE"
              ? "Coffee / lunch"
              : "Pre-show call";
      const location =
        locationType === "BOOTH"
          ? `Booth #${event.boothNumber}`
          : locationType === "MEETING_ROOM"
            ? `${rng.pick(BOOTH_ROOMS)}, Venetian Expo`
            : locationType === "OFFSITE"
              ? rng.pick(OFFSITE_SPOTS)
              : "Google Meet";
      const completed = meetingStatus === "COMPLETED";
      const updatedAt =
        completed
          ? new Date(Math.min(asOf.getTime(), end + rng.int(5, 90) * MINUTE_MS))
          : meetingStatus === "CANCELLED"
            ? between(rng, createdAt, Math.min(asOf.getTime(), scheduledAt.getTime()))
            : meetingStatus === "NO_SHOW"
              ? new Date(Math.min(asOf.getTime(), scheduledAt.getTime() + 20 * MINUTE_MS))
              : createdAt;
      meetings.push({
        id,
        eventId: event.id,
        personId: person.row.id,
        accountId: account.row.id,
        ownerId: owner.id,
        title: `${kind}: ${account.row.name.replace(/,? (Inc\.|LLC|Corp\.|Co\.|Group|Ltd\.)$/, "")}`,
        scheduledAt,
        durationMinutes,
        locationType,
        location,
        address: locationType === "VIRTUAL" ? null : locationType === "OFFSITE" ? "3355 S Las Vegas Blvd, Las Vegas, NV 89109" : VENUE_ADDRESS,
        status: meetingStatus,
        agenda: rng.pick(MEETING_AGENDAS),
        outcome: completed ? rng.pick(MEETING_OUTCOMES) : null,
        nextStep: completed ? rng.pick(NEXT_STEPS) : null,
        checkedInAt: completed ? new Date(scheduledAt.getTime() - rng.int(0, 8) * MINUTE_MS) : null,
        icsUid: `${id}@eventops.dev`,
        icsSequence: rescheduled + (meetingStatus === "CANCELLED" ? 1 : 0),
        createdAt,
        updatedAt,
      });
    }
  }
  return meetings;
}
