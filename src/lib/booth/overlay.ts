import type { OutboxItem, OutboxState } from "@/lib/booth/offline-store";

type MeetingState = { id: string; status: string; checkedInAt: string | null; outcome: string | null; nextStep: string | null };

/**
 * The agenda as the rep left it: the last snapshot from the server with the meeting actions this
 * phone made since, applied in the order they were made. An action counts until the snapshot
 * includes it — while it waits on the phone, and once synced until a newer snapshot arrives. A
 * refused action (needs attention) is not applied: the server did not take it.
 */
export function applyQueuedActions<M extends MeetingState>(meetings: M[], items: OutboxItem[], snapshotReceivedAt: string): (M & { queued?: OutboxState })[] {
  const actions = items
    .filter((i) => i.operation.kind !== "capture")
    .filter((i) => i.state === "saved" || i.state === "syncing" || (i.state === "synced" && (i.syncedAt ?? "") > snapshotReceivedAt))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (actions.length === 0) return meetings;
  // Only the meetings an action touches are copied: the others keep their identity, so the booth
  // re-renders just the cards that changed.
  const byId = new Map<string, M>(meetings.map((m) => [m.id, m]));
  const touched = new Map<string, M & { queued?: OutboxState }>();
  for (const item of actions) {
    const op = item.operation;
    if (op.kind === "capture") continue;
    const original = byId.get(op.meetingId);
    if (!original) continue;
    let meeting = touched.get(op.meetingId);
    if (!meeting) touched.set(op.meetingId, (meeting = { ...original }));
    if (op.kind === "check_in") {
      meeting.checkedInAt ??= op.at ?? item.createdAt;
    } else if (op.kind === "complete") {
      meeting.status = "COMPLETED";
      meeting.checkedInAt ??= item.createdAt;
      if (op.outcome.outcome !== undefined) meeting.outcome = op.outcome.outcome ?? null;
      if (op.outcome.nextStep !== undefined) meeting.nextStep = op.outcome.nextStep ?? null;
    } else {
      meeting.status = "NO_SHOW";
      if (op.outcome.note) meeting.outcome = op.outcome.note;
    }
    meeting.queued = item.state;
  }
  return meetings.map((m) => touched.get(m.id) ?? m);
}
