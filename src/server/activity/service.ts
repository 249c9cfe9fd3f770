import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import type { ActivityType } from "@/lib/vocabulary";

/**
 * The audit log and the feed: every state change writes one row. Pass the transaction that
 * made the change so the activity is written (or rolled back) with it.
 */
export type ActivityInput = {
  type: ActivityType;
  description: string;
  actorId?: string | null;
  eventId?: string | null;
  personId?: string | null;
  accountId?: string | null;
  entityType?: string;
  entityId?: string;
  metadata?: Prisma.InputJsonValue;
  /** When it happened, if not now: a capture made offline is recorded at its capture time. */
  occurredAt?: Date;
};

/** A record an activity is about: the event it belongs to and the person and account it concerns. */
export type ActivitySubject = { id: string; eventId: string; personId?: string | null; accountId?: string | null };

/**
 * The links of an activity about one record, in one place: who did it (null: the prospect or the
 * system), the record's event, the person and account it concerns (whose "last activity" it moves)
 * and the record itself. A person is its own personId and an account its own accountId.
 */
export function activityAbout(entityType: string, record: ActivitySubject, actorId: string | null) {
  return {
    actorId,
    eventId: record.eventId,
    personId: entityType === "person" ? record.id : (record.personId ?? null),
    accountId: entityType === "account" ? record.id : (record.accountId ?? null),
    entityType,
    entityId: record.id,
  } satisfies Partial<ActivityInput>;
}

export async function recordActivity({ occurredAt, ...input }: ActivityInput, db: DbTx = prisma) {
  const createdAt = occurredAt ?? new Date();
  const activity = await db.activity.create({ data: { ...input, createdAt }, select: { id: true } });
  // Keep "last activity" columns current for list sorting without aggregating the log.
  if (input.accountId) {
    await db.targetAccount.updateMany({ where: { id: input.accountId }, data: { lastActivityAt: createdAt } });
  }
  if (input.personId) {
    await db.person.updateMany({ where: { id: input.personId }, data: { lastActivityAt: createdAt } });
  }
  return activity;
}

/** recordActivity for many changes at once (batch work): three statements whatever the count. */
export async function recordActivities(inputs: readonly ActivityInput[], db: DbTx = prisma) {
  if (inputs.length === 0) return;
  const createdAt = new Date();
  await db.activity.createMany({ data: inputs.map(({ occurredAt, ...input }) => ({ ...input, createdAt: occurredAt ?? createdAt })) });
  const accountIds = [...new Set(inputs.flatMap((i) => (i.accountId ? [i.accountId] : [])))];
  const personIds = [...new Set(inputs.flatMap((i) => (i.personId ? [i.personId] : [])))];
  if (accountIds.length) await db.targetAccount.updateMany({ where: { id: { in: accountIds } }, data: { lastActivityAt: createdAt } });
  if (personIds.length) await db.person.updateMany({ where: { id: { in: personIds } }, data: { lastActivityAt: createdAt } });
}
