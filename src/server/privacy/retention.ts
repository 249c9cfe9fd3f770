/**
 * Retention: prospects who never engaged are erased a set number of months after their event
 * ends (Settings → Privacy; unset means nobody is erased by the calendar).
 *
 * "Never engaged" means: lawful basis is legitimate interest (customers and people who consented
 * stay), no reply, no tracked click, no meeting that was not cancelled, and no booth capture —
 * someone we met or who answered us is a relationship, not a cold prospect. Opens do not count:
 * mail scanners open messages on their own.
 *
 * `previewRetention(now)` lists who is due by one week from now; `runRetention(now)` erases who
 * is due at `now` with the same query, so a run a week after a preview erases exactly what the
 * preview listed (unless someone engaged or was erased in between). It is called by the cron
 * route /api/cron/retention today; the job engine can call it the same way.
 */
import { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";
import { eraseSubjects, removeUnusedSubjects } from "@/server/privacy/erasure";
import { getPrivacySettings } from "@/server/privacy/settings";

const WEEK_MS = 7 * 86_400_000;
const BATCH = 200;

export type RetentionCandidate = { id: string; name: string; account: string | null; event: string; eventEnded: Date; dueAt: Date };

/** People whose erasure date (event end + months) is on or before `dueBy`. */
async function dueForErasure(months: number, dueBy: Date, db: DbTx): Promise<RetentionCandidate[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; account: string | null; event: string; eventEnded: Date; dueAt: Date }[]>(Prisma.sql`
    SELECT p."id", p."name", a."name" AS "account", e."name" AS "event", e."endDate" AS "eventEnded",
           (e."endDate" + make_interval(months => ${months}::int) + interval '1 day') AS "dueAt"
    FROM "people" p
    JOIN "events" e ON e."id" = p."eventId"
    LEFT JOIN "target_accounts" a ON a."id" = p."accountId"
    WHERE p."erasedAt" IS NULL
      AND p."lawfulBasis" = 'LEGITIMATE_INTEREST'
      AND (e."endDate" + make_interval(months => ${months}::int) + interval '1 day') <= ${dueBy}
      AND NOT EXISTS (SELECT 1 FROM "outreach" o WHERE o."personId" = p."id" AND (o."repliedAt" IS NOT NULL OR o."clickedAt" IS NOT NULL))
      AND NOT EXISTS (SELECT 1 FROM "meeting" m WHERE m."personId" = p."id" AND m."status" <> 'CANCELLED')
      AND NOT EXISTS (SELECT 1 FROM "lead_captures" c WHERE c."personId" = p."id")
    ORDER BY "dueAt", p."name", p."id"`);
  return rows;
}

/** Who the retention run will erase between now and one week from now. */
export async function previewRetention(now = new Date(), db: DbTx = prisma) {
  const { retentionMonths } = await getPrivacySettings(db);
  const until = new Date(now.getTime() + WEEK_MS);
  if (retentionMonths === null) return { retentionMonths, until, people: [] as RetentionCandidate[] };
  return { retentionMonths, until, people: await dueForErasure(retentionMonths, until, db) };
}

/** Erases everyone due at `now`, in batches (each batch one transaction). */
export async function runRetention(now = new Date()) {
  const { retentionMonths } = await getPrivacySettings();
  if (retentionMonths === null) return { retentionMonths, erased: 0, erasedIds: [] as string[] };
  const due = await dueForErasure(retentionMonths, now, prisma);
  const erasedIds: string[] = [];
  for (let i = 0; i < due.length; i += BATCH) {
    const ids = due.slice(i, i + BATCH).map((p) => p.id);
    await prisma.$transaction((tx) => eraseSubjects(ids, { reason: "retention", actorId: null, actorLabel: "EventOps" }, tx), { timeout: 120_000 });
    erasedIds.push(...ids);
  }
  if (erasedIds.length > 0) await removeUnusedSubjects();
  return { retentionMonths, erased: erasedIds.length, erasedIds };
}
