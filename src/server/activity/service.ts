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

export async function recordActivity({ occurredAt, ...input }: ActivityInput, db: DbTx = prisma) {
  const createdAt = occurredAt ?? new Date();
  const activity = await db.activity.create({ data: { ...input, createdAt }, select: { id: true } });
  // Keep "last activity" columns current for list sorting without aggregating the log, forward
  // only (moveLastActivityForward): one statement per record it concerns.
  const row = [{ ...input, createdAt }];
  await moveLastActivityForward(db, "target_accounts", newestPerRecord(row, "accountId"));
  await moveLastActivityForward(db, "people", newestPerRecord(row, "personId"));
  return activity;
}

/**
 * recordActivity for many changes at once (batch work): three statements whatever the count.
 * Each record's "last activity" moves forward to its newest activity in the batch.
 */
export async function recordActivities(inputs: readonly ActivityInput[], db: DbTx = prisma) {
  if (inputs.length === 0) return;
  const now = new Date();
  const rows = inputs.map(({ occurredAt, ...input }) => ({ ...input, createdAt: occurredAt ?? now }));
  await db.activity.createMany({ data: rows });
  await moveLastActivityForward(db, "target_accounts", newestPerRecord(rows, "accountId"));
  await moveLastActivityForward(db, "people", newestPerRecord(rows, "personId"));
}

/** Each record's newest activity time in a batch. */
function newestPerRecord(rows: readonly { accountId?: string | null; personId?: string | null; createdAt: Date }[], column: "accountId" | "personId") {
  const newest = new Map<string, Date>();
  for (const row of rows) {
    const id = row[column];
    const known = id ? newest.get(id) : undefined;
    if (id && (!known || known < row.createdAt)) newest.set(id, row.createdAt);
  }
  return newest;
}

/**
 * One statement per table: "last activity" moves forward only. A backdated activity (a booth
 * capture synced an hour late, a call logged for yesterday) must not make a record look less
 * recently active than it is. Timestamps are UTC wall time, as Prisma stores them.
 */
async function moveLastActivityForward(db: DbTx, table: "target_accounts" | "people", newest: Map<string, Date>) {
  if (newest.size === 0) return;
  const at = [...newest.values()].map((t) => t.toISOString());
  await db.$executeRaw`UPDATE ${Prisma.raw(table)} r SET "lastActivityAt" = v.at AT TIME ZONE 'UTC'
    FROM unnest(${[...newest.keys()]}::text[], ${at}::timestamptz[]) AS v(id, at)
    WHERE r.id = v.id AND (r."lastActivityAt" IS NULL OR r."lastActivityAt" < v.at AT TIME ZONE 'UTC')`;
}
