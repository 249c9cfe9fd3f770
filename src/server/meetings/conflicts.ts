/**
 * Double-booking rules. Two meetings overlap when each starts before the other ends (back-to-back
 * meetings, one ending at 10:30 and the next starting at 10:30, do not). Only meetings that still
 * take up time count: SCHEDULED and COMPLETED; CANCELLED and NO_SHOW free the slot.
 * A meeting conflicts with another when they overlap and
 *   - the same rep owns both ("rep"), or
 *   - the same person attends both ("person"), or
 *   - both are in the same MEETING_ROOM (same room name, case and spacing ignored) of the same
 *     event ("room"). The booth holds several tables at once, so booth meetings never clash by
 *     place, and off-site/virtual places are not shared resources.
 */

export type ConflictKind = "rep" | "person" | "room";

export type SlotMeeting = {
  id: string;
  eventId: string;
  ownerId: string | null;
  personId: string;
  scheduledAt: Date;
  durationMinutes: number;
  locationType: string;
  location: string | null;
  status: string;
};

export type Conflict<T extends SlotMeeting = SlotMeeting> = { meeting: T; reasons: ConflictKind[] };

const BLOCKING = new Set(["SCHEDULED", "COMPLETED"]);

export function endOf(m: { scheduledAt: Date; durationMinutes: number }): Date {
  return new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000);
}

export function overlaps(a: { scheduledAt: Date; durationMinutes: number }, b: { scheduledAt: Date; durationMinutes: number }): boolean {
  return a.scheduledAt.getTime() < endOf(b).getTime() && b.scheduledAt.getTime() < endOf(a).getTime();
}

export function roomKey(locationType: string, location: string | null): string | null {
  if (locationType !== "MEETING_ROOM" || !location) return null;
  const key = location.trim().toLowerCase().replace(/\s+/g, " ");
  return key === "" ? null : key;
}

export function findConflicts<T extends SlotMeeting>(candidate: Omit<SlotMeeting, "id" | "status"> & { id?: string }, others: T[]): Conflict<T>[] {
  const room = roomKey(candidate.locationType, candidate.location);
  const conflicts: Conflict<T>[] = [];
  for (const other of others) {
    if (other.id === candidate.id || !BLOCKING.has(other.status) || !overlaps(candidate, other)) continue;
    const reasons: ConflictKind[] = [];
    if (candidate.ownerId && other.ownerId === candidate.ownerId) reasons.push("rep");
    if (other.personId === candidate.personId) reasons.push("person");
    if (room && other.eventId === candidate.eventId && roomKey(other.locationType, other.location) === room) reasons.push("room");
    if (reasons.length > 0) conflicts.push({ meeting: other, reasons });
  }
  return conflicts.sort((a, b) => a.meeting.scheduledAt.getTime() - b.meeting.scheduledAt.getTime());
}
