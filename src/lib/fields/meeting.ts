import { MEETING_STATUSES } from "@/lib/vocabulary";
import { z } from "zod";
import { CALENDAR_RANGE_MESSAGE, isInCalendarRange } from "@/lib/calendar-range";
import { defineRecord, idString, optionalText } from "@/lib/fields/define";

/**
 * A meeting's fields (table meeting), declared once: see define.ts. The order is the export's
 * column order. Meetings are the history of one show: none is copied with an event.
 *
 * The API's create/update bodies and the list's field filters derive from here
 * (src/server/meetings/schemas.ts). Not derived: the list's `day` (a day of the event's time
 * zone, a range over scheduledAt that needs the event) and `q` (title and the person's and
 * account's names); the create/update options `sendInvite` and `allowConflicts` (what to do,
 * not what to store) and the rule that an off-site meeting needs an address (two fields). The
 * status and check-in move through their own actions (check in, complete, no-show, cancel).
 */
const MEETING_LOCATION_TYPES = ["BOOTH", "MEETING_ROOM", "OFFSITE", "VIRTUAL"] as const;

/**
 * A start time is either an instant with an offset ("2026-12-14T17:30:00Z") or a wall-clock time
 * without one ("2026-12-14T09:30"), which is read in the event's time zone — what a rep means
 * when they pick "9:30" for a show in Las Vegas, wherever their laptop is.
 */
const startTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, "Use an ISO date-time such as 2026-12-14T09:30")
  .refine((v) => !Number.isNaN(Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(v) ? v : `${v}Z`)), "Not a real date and time")
  .refine(isInCalendarRange, CALENDAR_RANGE_MESSAGE);

export const MEETING = defineRecord({
  table: "meeting",
  model: "Meeting",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: false },
    personId: {
      label: "Person", type: "id", export: [{}, { name: "personName", lookup: "people" }], copy: false,
      input: idString, onCreate: "required", onUpdate: "never", filter: { kind: "equals" },
    },
    accountId: { label: "Account", type: "id", export: [{}, { name: "accountName", lookup: "accounts" }], copy: false, filter: { kind: "equals" } },
    // Not nullable: a meeting always has an owner (create defaults to the rep booking it).
    ownerId: { label: "Owner", type: "id", export: { name: "ownerEmail", lookup: "users" }, copy: false, input: idString, filter: { kind: "equals" } },
    title: { label: "Title", type: "text", export: true, copy: false, input: optionalText(200) },
    scheduledAt: { label: "Starts", type: "timestamp", export: true, copy: false, input: startTime, onCreate: "required" },
    durationMinutes: { label: "Length (minutes)", type: "int", export: true, copy: false, input: z.number().int().min(5).max(480), onCreate: { default: 30 } },
    locationType: {
      label: "Where", type: "enum", enum: { name: "MeetingLocationType", values: MEETING_LOCATION_TYPES }, export: true, copy: false,
      input: z.enum(MEETING_LOCATION_TYPES), onCreate: { default: "BOOTH" },
    },
    location: { label: "Location", type: "text", export: true, copy: false, input: optionalText(200) },
    address: { label: "Address", type: "text", export: false, copy: false, input: optionalText(300) },
    status: { label: "Status", type: "enum", enum: { name: "MeetingStatus", values: MEETING_STATUSES }, export: true, copy: false, filter: { kind: "is" } },
    agenda: { label: "Agenda", type: "text", export: true, copy: false, input: optionalText(4000) },
    outcome: { label: "Outcome", type: "text", export: true, copy: false, input: optionalText(4000), onCreate: "never" },
    nextStep: { label: "Next step", type: "text", export: true, copy: false, input: optionalText(1000), onCreate: "never" },
    checkedInAt: { label: "Checked in", type: "timestamp", export: true, copy: false },
    createdAt: { label: "Created", type: "timestamp", export: true, copy: false },
    bookedVia: { label: "Booked via", type: "text", export: false, copy: false },
    updatedAt: { label: "Updated", type: "timestamp", export: false, copy: false },
  },
  internal: {
    eventId: "the event the meeting belongs to",
    icsUid: "calendar invite identity (src/server/calendar/ics.ts)",
    icsSequence: "calendar invite revision (src/server/calendar/ics.ts)",
  },
});
