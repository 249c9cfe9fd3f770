import { AppError } from "@/server/http/errors";
import type { Actor } from "@/server/access/actor";

/**
 * The one rule for a record read or changed by its id (docs/SECURITY.md, "Records and events"):
 * it opens only within the actor's event — the current one, or the one the request names with
 * `eventId` — and, for accounts and people, only while it is not in the Trash. Anything else is
 * "not found" (404), the same answer as for an id that never existed, so a wrong event never
 * half-works.
 * Shared templates (no event) open from every event.
 */

export const SCOPED_RECORDS = {
  account: "Account",
  person: "Person",
  meeting: "Meeting",
  outreach: "Message",
  sequence: "Sequence",
  enrollment: "Enrollment",
  task: "Task",
  template: "Template",
  campaign: "Campaign",
  report: "Report",
  import: "Import",
  deletion: "Trash item",
} as const;

export type ScopedRecord = keyof typeof SCOPED_RECORDS;

type Scoped = { eventId: string | null; deletedAt?: Date | null };

export function notFoundIn(actor: Pick<Actor, "event">, kind: ScopedRecord): AppError {
  return new AppError("not_found", `${SCOPED_RECORDS[kind]} not found in ${actor.event.name}`);
}

// Records with a Trash: a read that forgot to select deletedAt would let a trashed one through.
const TRASHABLE = new Set<ScopedRecord>(["account", "person"]);

export function isInActorEvent(actor: Pick<Actor, "eventId">, kind: ScopedRecord, record: Scoped): boolean {
  if (TRASHABLE.has(kind) && !("deletedAt" in record)) throw new Error(`A ${kind} read by id must select deletedAt (the Trash rule)`);
  if (record.deletedAt) return false;
  if (record.eventId === null) return kind === "template";
  return record.eventId === actor.eventId;
}

/** The record when it belongs to the actor's event, else 404 (see the rule above). */
export function inActorEvent<T extends Scoped>(actor: Pick<Actor, "eventId" | "event">, kind: ScopedRecord, record: T | null | undefined): T {
  if (!record || !isInActorEvent(actor, kind, record)) throw notFoundIn(actor, kind);
  return record;
}
