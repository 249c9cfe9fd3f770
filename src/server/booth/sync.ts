/**
 * The booth phone's offline queue, applied. The phone sends what it saved while offline (captures
 * and meeting actions) in one request, oldest first; each operation is applied on its own, under
 * its idempotency key (src/server/idempotency), so:
 *   - one bad operation (a meeting someone else already cancelled) does not hold up the others;
 *   - an operation sent twice — the phone retried because the answer never arrived — is done once
 *     and answered the same way twice;
 *   - a refused operation (validation, conflict, not found) writes nothing and says why, in words
 *     the rep reads next to the item ("needs attention").
 * Errors that are not the operation's fault (the database is down) fail the whole request with
 * the usual 5xx, so the phone keeps everything and tries again.
 *
 * Speed (50 captures within a few seconds of reconnecting on venue Wi-Fi): the queue is one
 * request, and operations run in up to four lanes at once.
 * A lane keeps the order the rep worked in where order matters: every action on one meeting
 * (check in, then complete) and every capture of one visitor (same email or company) share a lane.
 */
import { normalizeName } from "@/lib/normalize";
import { captureLead } from "@/server/booth/leads";
import type { BoothOperation, BoothOperationResult } from "@/lib/booth/schemas";
import { AppError, toAppError } from "@/server/http/errors";
import { withIdempotencyKey } from "@/server/idempotency/service";
import type { Actor } from "@/server/access/actor";
import { checkInMeeting, completeMeeting, markNoShow } from "@/server/meetings/lifecycle";

const LANES_AT_ONCE = 4;

export async function applyBoothOperations(operations: BoothOperation[], actor: Actor): Promise<{ results: BoothOperationResult[] }> {
  const lanes = new Map<string, number[]>();
  operations.forEach((operation, index) => {
    const lane = laneOf(operation);
    lanes.set(lane, [...(lanes.get(lane) ?? []), index]);
  });
  const results: BoothOperationResult[] = new Array(operations.length);
  const waiting = [...lanes.values()];
  const worker = async () => {
    for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
      for (const index of lane) results[index] = await applyOne(operations[index], actor);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES_AT_ONCE, waiting.length) }, worker));
  return { results };
}

function laneOf(operation: BoothOperation): string {
  if (operation.kind !== "capture") return `meeting:${operation.meetingId}`;
  const { email, company, name } = operation.lead;
  return `lead:${(email ?? (company ? normalizeName(company) : name)).toLowerCase()}`;
}

async function applyOne(operation: BoothOperation, actor: Actor): Promise<BoothOperationResult> {
  const { key, ...request } = operation;
  try {
    const { replayed, value } = await withIdempotencyKey<unknown>({ userId: actor.id, key, operation: `booth.${operation.kind}`, request }, (tx): Promise<unknown> => {
      switch (operation.kind) {
        case "capture":
          return captureLead(operation.lead, actor, { db: tx });
        case "check_in":
          // The visitor is standing at the booth: that is the confirmation an early check-in asks for.
          return checkInMeeting(operation.meetingId, actor, { at: operation.at ? new Date(operation.at) : undefined, early: true }, tx);
        case "complete":
          // Recorded at the booth, where the meeting took place: the same confirmation as a check-in.
          return completeMeeting(operation.meetingId, operation.outcome, actor, { early: true }, tx);
        case "no_show":
          return markNoShow(operation.meetingId, operation.outcome.note, actor, {}, tx);
      }
    });
    return { key, ok: true, replayed, data: value };
  } catch (error) {
    const { appError, unexpected } = toAppError(error);
    if (unexpected || appError.status >= 500) throw error;
    return refusal(key, appError);
  }
}

function refusal(key: string, error: AppError): BoothOperationResult {
  return { key, ok: false, status: error.status, code: error.code, error: error.message, ...(error.details !== undefined ? { details: error.details } : {}) };
}
