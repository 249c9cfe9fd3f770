import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";

/**
 * Engagement of an account or a person, for the lists' filters and columns ("which tier-A
 * accounts haven't we contacted?"). One definition, used by the SQL lists, the Prisma filter
 * (saved-view enrolment) and the dashboard links:
 * - contacted: a message to them went out (outreach with `sentAt`, including logged calls and
 *   LinkedIn notes);
 * - replied: a message to them has `repliedAt`;
 * - meeting: a meeting with them that is not cancelled;
 * - last touched: the latest of a message sent and a meeting booked (`createdAt`) — what the team
 *   did, not what the record's edits did (that is "last activity"). The database stores it, kept
 *   by triggers (a person's on the row, an account's on its rollup_account_state row), so the
 *   lists sort and filter on it by index;
 * - stage (accounts, the dashboard funnel's rule): the furthest of contacted → replied → meeting
 *   → won, where reaching a stage implies the earlier ones, so each funnel bar's count is the
 *   total of the list it links to.
 */
const yesNo = z.enum(["yes", "no"]);
const TOUCHED = ["7d", "30d", "over30d", "never"] as const;
export const STAGES = ["contacted", "replied", "meeting", "won"] as const;

export const engagementQuery = {
  contacted: yesNo.optional(),
  replied: yesNo.optional(),
  meeting: yesNo.optional(),
  touched: z.enum(TOUCHED).optional(),
};
export type EngagementQuery = { contacted?: "yes" | "no"; replied?: "yes" | "no"; meeting?: "yes" | "no"; touched?: (typeof TOUCHED)[number]; stage?: (typeof STAGES)[number] };

type Owner = { alias: string; column: "accountId" | "personId" };
const DAY_MS = 86_400_000;

function sent(o: Owner) {
  return Prisma.sql`EXISTS (SELECT 1 FROM outreach eo WHERE eo.${Prisma.raw(`"${o.column}"`)} = ${Prisma.raw(o.alias)}.id AND eo."sentAt" IS NOT NULL)`;
}
function replied(o: Owner) {
  return Prisma.sql`EXISTS (SELECT 1 FROM outreach eo WHERE eo.${Prisma.raw(`"${o.column}"`)} = ${Prisma.raw(o.alias)}.id AND eo."repliedAt" IS NOT NULL)`;
}
function met(o: Owner) {
  return Prisma.sql`EXISTS (SELECT 1 FROM meeting em WHERE em.${Prisma.raw(`"${o.column}"`)} = ${Prisma.raw(o.alias)}.id AND em.status <> 'CANCELLED')`;
}

/**
 * When the team last touched the record (NULL: never), as the database's triggers keep it equal to
 * the latest message sent and meeting booked (not cancelled) for every writer: a person's on the
 * row (migration 20261207200000_last_touched), an account's on its rollup_account_state row
 * (20261207210000_account_list_state: on target_accounts it deadlocked concurrent sequence sends,
 * docs/PERFORMANCE.md). Computed, sorting by it read every record of the event (1.1–2.5 s for
 * 250,000 people, 430–615 ms for 50,000 accounts).
 */
export function lastTouchedSql(o: Owner): Prisma.Sql {
  if (o.column === "personId") return Prisma.sql`${Prisma.raw(o.alias)}."lastTouchedAt"`;
  return accountStateSql(o.alias, "lastTouchedAt");
}

/** A column of the account's rollup_account_state row (one primary-key lookup). */
export function accountStateSql(accountAlias: string, column: "lastTouchedAt" | "people"): Prisma.Sql {
  return Prisma.sql`(SELECT sa.${Prisma.raw(`"${column}"`)} FROM rollup_account_state sa WHERE sa."accountId" = ${Prisma.raw(accountAlias)}.id)`;
}

/** The row's engagement as columns: contacted, replied, hasMeeting, lastTouchedAt. */
export function engagementColumnsSql(o: Owner): Prisma.Sql {
  return Prisma.sql`${sent(o)} AS contacted, ${replied(o)} AS replied, ${met(o)} AS "hasMeeting", ${lastTouchedSql(o)} AS "lastTouchedAt"`;
}

/** The engagement filters as SQL conditions (an empty list when none is set). */
export function engagementWhereSql(o: Owner, q: EngagementQuery, now = new Date()): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (q.contacted) parts.push(q.contacted === "yes" ? sent(o) : Prisma.sql`NOT ${sent(o)}`);
  if (q.replied) parts.push(q.replied === "yes" ? replied(o) : Prisma.sql`NOT ${replied(o)}`);
  if (q.meeting) parts.push(q.meeting === "yes" ? met(o) : Prisma.sql`NOT ${met(o)}`);
  if (q.touched) {
    const touched = lastTouchedSql(o);
    if (q.touched === "never") parts.push(Prisma.sql`${touched} IS NULL`);
    else if (q.touched === "over30d") parts.push(Prisma.sql`${touched} < ${new Date(now.getTime() - 30 * DAY_MS)}`);
    else parts.push(Prisma.sql`${touched} >= ${new Date(now.getTime() - (q.touched === "7d" ? 7 : 30) * DAY_MS)}`);
  }
  if (q.stage && o.column === "accountId") {
    const won = Prisma.sql`${Prisma.raw(o.alias)}.status = 'WON'`;
    const reached = {
      contacted: Prisma.sql`(${sent(o)} OR ${replied(o)} OR ${met(o)} OR ${won})`,
      replied: Prisma.sql`(${replied(o)} OR ${met(o)} OR ${won})`,
      meeting: Prisma.sql`(${met(o)} OR ${won})`,
      won,
    }[q.stage];
    parts.push(reached);
  }
  return parts;
}

/** The same filters for Prisma `where` (people: the saved-view enrolment path). */
export function personEngagementWhere(q: EngagementQuery, now = new Date()): Prisma.PersonWhereInput[] {
  const and: Prisma.PersonWhereInput[] = [];
  const sentSome: Prisma.PersonWhereInput = { outreach: { some: { sentAt: { not: null } } } };
  const repliedSome: Prisma.PersonWhereInput = { outreach: { some: { repliedAt: { not: null } } } };
  const metSome: Prisma.PersonWhereInput = { meetings: { some: { status: { not: "CANCELLED" } } } };
  if (q.contacted) and.push(q.contacted === "yes" ? sentSome : { NOT: sentSome });
  if (q.replied) and.push(q.replied === "yes" ? repliedSome : { NOT: repliedSome });
  if (q.meeting) and.push(q.meeting === "yes" ? metSome : { NOT: metSome });
  if (q.touched) {
    const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
    if (q.touched === "never") and.push({ lastTouchedAt: null });
    else if (q.touched === "over30d") and.push({ lastTouchedAt: { lt: since(30) } });
    else and.push({ lastTouchedAt: { gte: since(q.touched === "7d" ? 7 : 30) } });
  }
  return and;
}
