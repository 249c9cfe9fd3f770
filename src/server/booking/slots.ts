/**
 * Free booth slots, the rule the public booking page and the "Offer booth slots" emails share.
 *
 * A slot is `slotMinutes` long and starts on the grid of a rep's availability window (a window of
 * 9:00–12:00 with 30-minute slots offers 9:00, 9:30 … 11:30, in the event's time zone). It is free
 * when, for its whole length,
 *   - fewer than `capacity` booth meetings run (the booth has that many tables), and
 *   - at least one rep whose window covers it has no meeting of their own (any place),
 * and it starts at least `leadMinutes` from now. Only SCHEDULED and COMPLETED meetings take time
 * (conflicts.ts). Nothing about the meetings themselves leaves this module: the answer is start
 * times and which reps could take them.
 */
import { overlaps } from "@/server/meetings/conflicts";
import { parseStartTime } from "@/server/calendar/time";

export type AvailabilityWindowInput = { userId: string; day: string; startMinute: number; endMinute: number };
export type BusyMeeting = { ownerId: string | null; scheduledAt: Date; durationMinutes: number; locationType: string; status: string };

export type SlotRules = {
  days: string[];
  timeZone: string;
  slotMinutes: number;
  capacity: number;
  now: Date;
  leadMinutes: number;
};

export type FreeSlot = { start: Date; reps: string[] };

const BLOCKING = new Set(["SCHEDULED", "COMPLETED"]);

export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function freeSlots(rules: SlotRules, windows: AvailabilityWindowInput[], meetings: BusyMeeting[]): FreeSlot[] {
  const blocking = meetings.filter((m) => BLOCKING.has(m.status));
  const booth = blocking.filter((m) => m.locationType === "BOOTH");
  const earliest = rules.now.getTime() + rules.leadMinutes * 60_000;
  const candidates = new Map<number, Set<string>>();
  for (const w of windows) {
    if (!rules.days.includes(w.day)) continue;
    for (let minute = w.startMinute; minute + rules.slotMinutes <= w.endMinute; minute += rules.slotMinutes) {
      const start = parseStartTime(`${w.day}T${clockTime(minute)}`, rules.timeZone);
      if (start.getTime() < earliest) continue;
      const reps = candidates.get(start.getTime()) ?? new Set<string>();
      reps.add(w.userId);
      candidates.set(start.getTime(), reps);
    }
  }
  const slots: FreeSlot[] = [];
  for (const [time, reps] of [...candidates.entries()].sort(([a], [b]) => a - b)) {
    const slot = { scheduledAt: new Date(time), durationMinutes: rules.slotMinutes };
    if (booth.filter((m) => overlaps(slot, m)).length >= rules.capacity) continue;
    const free = [...reps].filter((rep) => !blocking.some((m) => m.ownerId === rep && overlaps(slot, m))).sort();
    if (free.length > 0) slots.push({ start: slot.scheduledAt, reps: free });
  }
  return slots;
}
