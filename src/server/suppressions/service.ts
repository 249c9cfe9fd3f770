import { z } from "zod";
import type { SuppressionReason } from "@/generated/prisma/enums";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { TeamActor } from "@/server/access/actor";
import { paginationFields, readPage } from "@/server/http/pagination";

/**
 * The suppression list: addresses we must never email again (unsubscribed, bounced, reported as
 * spam, or added by hand). Checked before every send; addresses are stored lower-cased. Adding
 * an address that is already listed keeps the first reason (the earliest cause wins).
 */
export const createSuppressionBody = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  note: z.string().trim().max(500).optional(),
});
export const listSuppressionsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  ...paginationFields({ pageSize: 50, maxPageSize: 200 }),
});

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findSuppression(email: string, db: DbTx = prisma) {
  return db.suppression.findUnique({ where: { email: normalizeEmail(email) } });
}

/** Which of these addresses are on the list (lower-cased). */
export async function findSuppressions(emails: readonly string[], db: DbTx = prisma): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.suppression.findMany({ where: { email: { in: emails.map(normalizeEmail) } }, select: { email: true } });
  return new Set(rows.map((r) => r.email));
}

/** Adds (or keeps) a suppression; returns whether it was new. */
export async function suppressAddress(
  input: { email: string; reason: SuppressionReason; source?: string; note?: string },
  db: DbTx = prisma,
) {
  const email = normalizeEmail(input.email);
  const existing = await db.suppression.findUnique({ where: { email } });
  if (existing) return { suppression: existing, created: false };
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO suppressions (id, email, reason, source, note, "createdAt")
    VALUES (${`sup_${crypto.randomUUID().replace(/-/g, "")}`}, ${email}, ${input.reason}::"SuppressionReason", ${input.source ?? null}, ${input.note ?? null}, now())
    ON CONFLICT (email) DO NOTHING RETURNING id`;
  const suppression = await db.suppression.findUniqueOrThrow({ where: { email } });
  return { suppression, created: rows.length > 0 };
}

export async function addManualSuppression(body: z.infer<typeof createSuppressionBody>, actor: TeamActor) {
  const { eventId } = actor;
  return prisma.$transaction(async (tx) => {
    const { suppression, created } = await suppressAddress({ email: body.email, reason: "MANUAL", source: "manual", note: body.note }, tx);
    if (!created) throw new AppError("conflict", `${body.email} is already on the suppression list`);
    await recordActivity(
      { type: "suppression.added", description: `${body.email} added to the suppression list`, actorId: actor.id, eventId, entityType: "suppression", entityId: suppression.id },
      tx,
    );
    return suppression;
  });
}

export async function removeSuppression(id: string, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    const suppression = await tx.suppression.findUnique({ where: { id } });
    if (!suppression) throw new AppError("not_found", "Suppression not found");
    await tx.suppression.delete({ where: { id } });
    await recordActivity(
      { type: "suppression.removed", description: `${suppression.email} removed from the suppression list`, actorId: actor.id, entityType: "suppression", entityId: id },
      tx,
    );
    return { id };
  });
}

export async function listSuppressions(query: z.infer<typeof listSuppressionsQuery>) {
  const where = query.q ? { email: { contains: query.q.toLowerCase() } } : {};
  return readPage(
    query,
    (window) => prisma.suppression.findMany({ where, orderBy: { createdAt: "desc" }, ...window }),
    () => prisma.suppression.count({ where }),
  );
}

/**
 * A reply, bounce or unsubscribe ends the person's active sequences: a reply marks them
 * REPLIED, anything else STOPPED with the reason. Sequences rely on this.
 */
export async function stopActiveEnrollments(personId: string, reason: "replied" | "bounced" | "unsubscribed" | "spam_report", now: Date, db: DbTx = prisma) {
  const result = await db.sequenceEnrollment.updateMany({
    where: { personId, status: "ACTIVE" },
    data: reason === "replied"
      ? { status: "REPLIED", stopReason: "replied", stoppedAt: now, nextStepAt: null }
      : { status: "STOPPED", stopReason: reason, stoppedAt: now, nextStepAt: null },
  });
  return result.count;
}
