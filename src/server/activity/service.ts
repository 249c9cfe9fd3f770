import { Prisma } from "@/generated/prisma/client";
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

// "Last activity" (lastActivityAt on the accounts and people an activity concerns) is moved by the
// database, in the inserting statement: the trigger rollup_last_activity_insert (migration
// 20261207180000_rep_feed_walk) moves it forward to the newest activity, never back, whoever
// writes the row. The rep's feed relies on that to stop early (activity/feed.ts).

export async function recordActivity({ occurredAt, ...input }: ActivityInput, db: DbTx = prisma) {
  return db.activity.create({ data: { ...input, createdAt: occurredAt ?? new Date() }, select: { id: true } });
}

/** recordActivity for many changes at once (batch work): one statement whatever the count. */
export async function recordActivities(inputs: readonly ActivityInput[], db: DbTx = prisma) {
  if (inputs.length === 0) return;
  const now = new Date();
  await db.activity.createMany({ data: inputs.map(({ occurredAt, ...input }) => ({ ...input, createdAt: occurredAt ?? now })) });
}
