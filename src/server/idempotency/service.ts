/**
 * Idempotency keys for writes a client may send more than once (the booth's offline queue
 * retries whenever the connection comes back, and cannot know whether a request that timed out
 * was applied).
 *
 * The rule: the key row is inserted in the same transaction as the write it guards. The first
 * request inserts it, does the work and stores its answer; a repeat finds the row and gets that
 * answer back without doing anything. Two copies arriving at once serialise on the key's unique
 * index: the second waits until the first commits, then reads its answer (or, if the first
 * failed and rolled back, does the work itself). A write that fails leaves no key, so a retry is
 * judged afresh. The same key with a different request is refused (409): it is a client bug,
 * not a retry. Keys are scoped by user, so one user's key never answers another's request.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";

export type IdempotentResult<T> = { replayed: boolean; value: T };

export async function withIdempotencyKey<T>(
  input: { userId: string; key: string; operation: string; request: unknown },
  run: (tx: DbTx) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const id = `${input.userId}:${input.key}`;
  const requestHash = hashRequest(input.request);
  return prisma.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO idempotent_requests (key, "userId", operation, "requestHash", response, status)
      VALUES (${id}, ${input.userId}, ${input.operation}, ${requestHash}, '{}'::jsonb, 0)
      ON CONFLICT (key) DO NOTHING`;
    if (inserted === 0) {
      const earlier = await tx.idempotentRequest.findUniqueOrThrow({ where: { key: id } });
      if (earlier.operation !== input.operation || earlier.requestHash !== requestHash) {
        throw new AppError("conflict", "This idempotency key was already used for a different request");
      }
      return { replayed: true, value: earlier.response as T };
    }
    const value = await run(tx);
    // Stored as the client will read it (dates as ISO strings), so a replay answers the same.
    const stored = JSON.parse(JSON.stringify(value ?? null)) as Prisma.InputJsonValue;
    await tx.idempotentRequest.update({ where: { key: id }, data: { response: stored, status: 200 } });
    return { replayed: false, value: stored as T };
  }, { timeout: 20_000 });
}

/** Canonical JSON (sorted keys) so the same request hashes the same whatever its key order. */
function hashRequest(request: unknown): string {
  return createHash("sha256").update(canonicalJson(request)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
