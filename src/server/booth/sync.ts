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
 */
import { captureLead } from "@/server/booth/leads";
import type { BoothOperation, BoothOperationResult } from "@/lib/booth/schemas";
import { AppError, toAppError } from "@/server/http/errors";
import { withIdempotencyKey } from "@/server/idempotency/service";
import { checkInMeeting, completeMeeting, markNoShow, type Actor } from "@/server/meetings/service";

export async function applyBoothOperations(operations: BoothOperation[], actor: Actor): Promise<{ results: BoothOperationResult[] }> {
  const results: BoothOperationResult[] = [];
  for (const operation of operations) results.push(await applyOne(operation, actor));
  return { results };
}

async function applyOne(operation: BoothOperation, actor: Actor): Promise<BoothOperationResult> {
  const { key, ...request } = operation;
  try {
    const { replayed, value } = await withIdempotencyKey<unknown>({ userId: actor.id, key, operation: `booth.${operation.kind}`, request }, (tx): Promise<unknown> => {
      switch (operation.kind) {
        case "capture":
          return captureLead(operation.lead, actor, tx);
        case "check_in":
          return checkInMeeting(operation.meetingId, actor, { at: operation.at ? new Date(operation.at) : undefined }, tx);
        case "complete":
          return completeMeeting(operation.meetingId, operation.outcome, actor, tx);
        case "no_show":
          return markNoShow(operation.meetingId, operation.outcome.note, actor, tx);
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
