/**
 * What the full export contains and how each entity is read: keyset pagination by id in
 * batches, so memory stays constant however many rows there are (never OFFSET, never all rows).
 */
import { prisma, type DbTx } from "@/server/db";
import type { CsvValue } from "@/server/exports/csv";

export const EXPORT_ENTITIES = ["accounts", "people", "outreach", "meetings", "activities"] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];
export type ExportRow = Record<string, CsvValue>;

export const BATCH_SIZE = 2000;

export const COLUMNS: Record<ExportEntity, readonly string[]> = {
  accounts: [
    "id", "name", "domain", "website", "industry", "headquarters", "location", "employeeCount", "revenue", "facilityCount",
    "tier", "status", "icpScore", "assignedToEmail", "source", "notes", "lastActivityAt", "createdAt", "updatedAt",
  ],
  people: [
    "id", "accountId", "accountName", "firstName", "lastName", "name", "title", "email", "phone", "linkedin", "timeZone",
    "seniority", "isExecOps", "isOps", "isProc", "isSales", "isTech", "isNonOps", "icpScore", "leadRating",
    "assignedToEmail", "source", "notes", "lastActivityAt", "createdAt", "updatedAt",
  ],
  outreach: [
    "id", "personId", "personName", "accountId", "accountName", "ownerEmail", "channel", "status", "subject", "message",
    "toEmail", "stepNumber", "scheduledAt", "sentAt", "deliveredAt", "openedAt", "clickedAt", "repliedAt", "bouncedAt",
    "unsubscribedAt", "openCount", "clickCount", "machineOpenCount", "createdAt",
  ],
  meetings: [
    "id", "personId", "personName", "accountId", "accountName", "ownerEmail", "title", "scheduledAt", "durationMinutes",
    "locationType", "location", "status", "agenda", "outcome", "nextStep", "checkedInAt", "createdAt",
  ],
  activities: [
    "id", "type", "description", "actorEmail", "personId", "personName", "accountId", "accountName", "entityType", "entityId", "createdAt",
  ],
};

type Batch = (eventId: string, after: string | null, take: number, db: DbTx) => Promise<ExportRow[]>;

const page = (eventId: string, after: string | null) => ({ eventId, ...(after ? { id: { gt: after } } : {}) });

const READERS: Record<ExportEntity, Batch> = {
  accounts: async (eventId, after, take, db) => {
    const rows = await db.targetAccount.findMany({
      where: page(eventId, after), orderBy: { id: "asc" }, take,
      omit: { icpBreakdown: true, normalizedName: true },
      include: { assignedTo: { select: { email: true } } },
    });
    return rows.map(({ assignedTo, revenue, ...r }) => ({ ...r, revenue: revenue === null ? null : revenue.toString(), assignedToEmail: assignedTo?.email ?? null }));
  },
  people: async (eventId, after, take, db) => {
    const rows = await db.person.findMany({
      where: page(eventId, after), orderBy: { id: "asc" }, take,
      omit: { icpBreakdown: true },
      include: { account: { select: { name: true } }, assignedTo: { select: { email: true } } },
    });
    return rows.map(({ account, assignedTo, ...r }) => ({ ...r, accountName: account?.name ?? null, assignedToEmail: assignedTo?.email ?? null }));
  },
  outreach: async (eventId, after, take, db) => {
    const rows = await db.outreach.findMany({
      where: page(eventId, after), orderBy: { id: "asc" }, take,
      include: { person: { select: { name: true } }, account: { select: { name: true } }, owner: { select: { email: true } } },
    });
    return rows.map(({ person, account, owner, ...r }) => ({ ...r, personName: person.name, accountName: account?.name ?? null, ownerEmail: owner?.email ?? null }));
  },
  meetings: async (eventId, after, take, db) => {
    const rows = await db.meeting.findMany({
      where: page(eventId, after), orderBy: { id: "asc" }, take,
      include: { person: { select: { name: true } }, account: { select: { name: true } }, owner: { select: { email: true } } },
    });
    return rows.map(({ person, account, owner, ...r }) => ({ ...r, personName: person.name, accountName: account?.name ?? null, ownerEmail: owner?.email ?? null }));
  },
  activities: async (eventId, after, take, db) => {
    const rows = await db.activity.findMany({
      where: { ...page(eventId, after) }, orderBy: { id: "asc" }, take,
      omit: { metadata: true },
      include: { actor: { select: { email: true } }, person: { select: { name: true } }, account: { select: { name: true } } },
    });
    return rows.map(({ actor, person, account, ...r }) => ({ ...r, actorEmail: actor?.email ?? null, personName: person?.name ?? null, accountName: account?.name ?? null }));
  },
};

/** Every row of one entity in the event, a batch at a time (each batch only its listed columns). */
export async function* readBatches(entity: ExportEntity, eventId: string, db: DbTx = prisma, batchSize = BATCH_SIZE): AsyncGenerator<ExportRow[]> {
  const columns = COLUMNS[entity];
  let after: string | null = null;
  for (;;) {
    const rows = await READERS[entity](eventId, after, batchSize, db);
    if (rows.length === 0) return;
    yield rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
    if (rows.length < batchSize) return;
    after = String(rows[rows.length - 1].id);
  }
}
