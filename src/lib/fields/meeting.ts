import { MEETING_STATUSES } from "@/lib/vocabulary";
import { defineRecord } from "@/lib/fields/define";

/**
 * A meeting's fields (table meeting), declared once: see define.ts. The order is the export's
 * column order. Meetings are the history of one show: none is copied with an event. The API's
 * meeting schemas (src/server/meetings/schemas.ts) are not derived from here yet.
 */
export const MEETING_LOCATION_TYPES = ["BOOTH", "MEETING_ROOM", "OFFSITE", "VIRTUAL"] as const;

export const MEETING = defineRecord({
  table: "meeting",
  model: "Meeting",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: false },
    personId: { label: "Person", type: "id", export: [{}, { name: "personName", lookup: "people" }], copy: false },
    accountId: { label: "Account", type: "id", export: [{}, { name: "accountName", lookup: "accounts" }], copy: false },
    ownerId: { label: "Owner", type: "id", export: { name: "ownerEmail", lookup: "users" }, copy: false },
    title: { label: "Title", type: "text", export: true, copy: false },
    scheduledAt: { label: "Starts", type: "timestamp", export: true, copy: false },
    durationMinutes: { label: "Length (minutes)", type: "int", export: true, copy: false },
    locationType: { label: "Where", type: "enum", enum: { name: "MeetingLocationType", values: MEETING_LOCATION_TYPES }, export: true, copy: false },
    location: { label: "Location", type: "text", export: true, copy: false },
    status: { label: "Status", type: "enum", enum: { name: "MeetingStatus", values: MEETING_STATUSES }, export: true, copy: false },
    agenda: { label: "Agenda", type: "text", export: true, copy: false },
    outcome: { label: "Outcome", type: "text", export: true, copy: false },
    nextStep: { label: "Next step", type: "text", export: true, copy: false },
    checkedInAt: { label: "Checked in", type: "timestamp", export: true, copy: false },
    createdAt: { label: "Created", type: "timestamp", export: true, copy: false },
    address: { label: "Address", type: "text", export: false, copy: false },
    bookedVia: { label: "Booked via", type: "text", export: false, copy: false },
    updatedAt: { label: "Updated", type: "timestamp", export: false, copy: false },
  },
  internal: {
    eventId: "the event the meeting belongs to",
    icsUid: "calendar invite identity (src/server/calendar/ics.ts)",
    icsSequence: "calendar invite revision (src/server/calendar/ics.ts)",
  },
});
