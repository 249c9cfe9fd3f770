import { z } from "zod";
import type { ActivityType } from "@/lib/vocabulary";
import { normalizeName } from "@/lib/normalize";
import { Prisma } from "@/generated/prisma/client";
import { BULK_WRITE_TX, prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { activityAbout, recordActivities, recordActivity } from "@/server/activity/service";
import { scoreRecords } from "@/server/scoring/service";
import { joinedObject, jsonList, listWithDates, withDates } from "@/server/sql-json";
import { accountStateSql, engagementColumnsSql, engagementQuery, engagementWhereSql, STAGES } from "@/server/lists/engagement";
import { actorName, eventScopeField, type Actor } from "@/server/access/actor";
import { inActorEvent, isInActorEvent, notFoundIn } from "@/server/access/scope";
import { assertCan, assertCanEach, ownedBy } from "@/server/access/permissions";
import { moveToTrash } from "@/server/trash/service";
import { assertAllFound, assertAssignee, assigneeFilter, containsPattern, diff, idString, sortDir } from "./shared";
import { filterShape, filterSql, narrowsOnlyBy, rangeIssues } from "@/server/lists/filters";
import { ACCOUNT } from "@/lib/fields/account";
import { createShape, updateShape } from "@/lib/fields/define";

/**
 * Target accounts. Deleting an account moves it to the Trash (src/server/trash/service.ts):
 * its people stay in the event, unlinked, unless the caller asks for `deletePeople`, which moves
 * them to the Trash with it. Either way one restore puts everything back. The UI says which will
 * happen.
 */

import { ACCOUNT_STATUSES, OPPORTUNITY_STAGES, TIERS } from "@/lib/vocabulary";
import { cappedCountLimit, paginationFields, pageWindow, paginated, paginatedUpTo } from "@/server/http/pagination";
export {   TIERS };
type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const ACCOUNT_SORTS = ["name", "icpScore", "tier", "status", "industry", "employeeCount", "revenue", "facilityCount", "people", "lastActivityAt", "lastTouchedAt", "createdAt"] as const;

export const listAccountsQuery = z.strictObject({
  ...eventScopeField,
  q: z.string().trim().max(100).optional(),
  ...filterShape(ACCOUNT.fields),
  ...engagementQuery,
  stage: z.enum(STAGES).optional(),
  sort: z.enum(ACCOUNT_SORTS).default("icpScore"),
  dir: sortDir.default("desc"),
  ...paginationFields({ pageSize: 50, maxPageSize: 200 }),
}).superRefine((q, ctx) => rangeIssues(ACCOUNT.fields, q, ctx));
export type ListAccountsQuery = z.infer<typeof listAccountsQuery>;

export const createAccountBody = z.strictObject({ ...createShape(ACCOUNT.fields), ...eventScopeField });
export const updateAccountBody = z
  .strictObject(updateShape(ACCOUNT.fields))
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" });
export const deleteAccountQuery = z.strictObject({ deletePeople: z.enum(["true", "false"]).optional() });

export const bulkAccountsBody = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("assign"), ids: z.array(idString).min(1).max(500), assignedToId: idString.nullable() }),
  z.strictObject({ action: z.literal("setTier"), ids: z.array(idString).min(1).max(500), tier: z.enum(TIERS) }),
  z.strictObject({ action: z.literal("setStatus"), ids: z.array(idString).min(1).max(500), status: z.enum(ACCOUNT_STATUSES) }),
  z.strictObject({ action: z.literal("setOpportunityStage"), ids: z.array(idString).min(1).max(500), opportunityStage: z.enum(OPPORTUNITY_STAGES).nullable() }),
  z.strictObject({ action: z.literal("delete"), ids: z.array(idString).min(1).max(500), deletePeople: z.boolean().default(false) }),
]);

/**
 * What follows from an opportunity change: the date it was opened (the first time a stage is
 * set; the show P&L compares it with the account's first touch), the close date and the
 * account status (won and lost opportunities make the account won or lost, so the dashboard's
 * "won accounts" and the P&L's won revenue agree).
 */
function opportunityEffects(
  change: { opportunityStage?: OpportunityStage | null; expectedCloseDate?: string | null },
  before: { opportunityOpenedAt: Date | null; opportunityStage: string | null } | null,
  now: Date,
): Prisma.TargetAccountUncheckedUpdateInput {
  const data: Prisma.TargetAccountUncheckedUpdateInput = {};
  if (change.expectedCloseDate !== undefined) data.expectedCloseDate = change.expectedCloseDate === null ? null : new Date(`${change.expectedCloseDate}T00:00:00Z`);
  const stage = change.opportunityStage;
  if (stage === undefined || stage === before?.opportunityStage) return data;
  if (stage !== null && !before?.opportunityOpenedAt) data.opportunityOpenedAt = now;
  data.closedAt = stage === "WON" || stage === "LOST" ? now : null;
  if (stage === "WON" || stage === "LOST") data.status = stage;
  return data;
}

// One natural-key rule for company names everywhere (import, booth capture, manual edits).
export { normalizeName } from "@/lib/normalize";


/** The list's filters as SQL (trigram GIN indexes serve the ILIKE search on name and domain). */
function accountWhereSql(eventId: string, q: ListAccountsQuery, userId: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`a."eventId" = ${eventId}`, Prisma.sql`a."deletedAt" IS NULL`];
  if (q.q) {
    const like = containsPattern(q.q);
    parts.push(Prisma.sql`${ACCOUNT_SEARCH_TEXT} ILIKE ${like}`);
  }
  parts.push(...filterSql(ACCOUNT, "a", q, userId));
  parts.push(...engagementWhereSql(ACCOUNT_OWNER, q));
  return Prisma.join(parts, " AND ");
}

/**
 * What the accounts search reads: name, domain and industry in one text, split by a character no
 * one types (U+001F), so a term never matches across two of them. One trigram index serves it
 * (target_accounts_search_trgm_idx, migration 20261207160000_account_search_text): three ILIKEs
 * per row made a search that reads many accounts three times as dear, and PostgreSQL's guess at
 * how many accounts three ORed patterns match (6,062 for "supply" at xl, of 2,800) sent it to read
 * the table in order instead of the index.
 */
const ACCOUNT_SEARCH_TEXT = Prisma.sql`(a.name || E'\x1f' || coalesce(a.domain, '') || E'\x1f' || coalesce(a.industry, ''))`;

const ACCOUNT_OWNER = { alias: "a", column: "accountId" } as const;
const SORT_COLUMN: Record<(typeof ACCOUNT_SORTS)[number], Prisma.Sql> = {
  name: Prisma.sql`a.name`, icpScore: Prisma.sql`a."icpScore"`, tier: Prisma.sql`a.tier`, status: Prisma.sql`a.status`, industry: Prisma.sql`a.industry`,
  employeeCount: Prisma.sql`a."employeeCount"`, revenue: Prisma.sql`a.revenue`, facilityCount: Prisma.sql`a."facilityCount"`, people: Prisma.sql`st.people`,
  lastActivityAt: Prisma.sql`a."lastActivityAt"`, lastTouchedAt: Prisma.sql`st."lastTouchedAt"`, createdAt: Prisma.sql`a."createdAt"`,
};
/**
 * The orders by a value the database keeps on the account's rollup_account_state row (people,
 * last touched: lists/engagement.ts): the page joins the state rows of the event's live accounts,
 * so PostgreSQL can walk their index in that order and stop at the page.
 */
const STATE_SORTS = new Set<string>(["people", "lastTouchedAt"]);
const NULLABLE_SORTS = new Set(["icpScore", "industry", "employeeCount", "revenue", "facilityCount", "lastActivityAt", "lastTouchedAt"]);

function accountOrderSql(q: ListAccountsQuery): Prisma.Sql {
  const dir = Prisma.raw(q.dir === "desc" ? "DESC" : "ASC");
  // Empty values last either way; a stable tiebreak keeps pages from overlapping.
  const nulls = NULLABLE_SORTS.has(q.sort) ? Prisma.raw(" NULLS LAST") : Prisma.empty;
  return Prisma.sql`${SORT_COLUMN[q.sort]} ${dir}${nulls}, a.id ASC`;
}

type AccountListRow = {
  id: string; name: string; domain: string | null; industry: string | null; headquarters: string | null; employeeCount: number | null; revenue: number | null;
  facilityCount: number | null; tier: (typeof TIERS)[number]; status: (typeof ACCOUNT_STATUSES)[number]; icpScore: number | null; lastActivityAt: Date | null; createdAt: Date;
  assignedTo: { id: string; name: string | null; email: string } | null; peopleCount: number;
  contacted: boolean; replied: boolean; hasMeeting: boolean; lastTouchedAt: Date | null;
};

/**
 * One page and the total as two parallel statements: the list is the most
 * opened screen, so it is written as the SQL a person would write rather than what the ORM
 * generated (which aggregated every person of the event for each page, then fetched owners).
 * The page's ids are chosen first (in the list's order, numbered), and the per-row columns —
 * people count and engagement, several index probes each — are computed for those rows only,
 * not for every row an OFFSET skips (docs/PERFORMANCE.md).
 */
export async function listAccounts(q: ListAccountsQuery, actor: Actor, db: DbTx = prisma) {
  const where = accountWhereSql(actor.eventId, q, actor.id);
  const order = accountOrderSql(q);
  const stateJoin = STATE_SORTS.has(q.sort)
    ? Prisma.sql`JOIN rollup_account_state st ON st."accountId" = a.id AND st."eventId" = ${actor.eventId} AND st.live`
    : Prisma.empty;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<AccountListRow[]>`
      SELECT a.id, a.name, a.domain, a.industry, a.headquarters, a."employeeCount", a.revenue::float8 AS revenue, a."facilityCount",
        a.tier::text AS tier, a.status::text AS status, a."icpScore", a."lastActivityAt", a."createdAt",
        ${joinedObject("u", ["id", "name", "email"])} AS "assignedTo",
        ${accountStateSql("a", "people")} AS "peopleCount",
        ${engagementColumnsSql(ACCOUNT_OWNER)}
      FROM (
        SELECT a.id AS "pageId", row_number() OVER (ORDER BY ${order}) AS ord
          FROM target_accounts a ${stateJoin}
         WHERE ${where}
         ORDER BY ${order}
         LIMIT ${pageWindow(q).take} OFFSET ${pageWindow(q).skip}
      ) page
      JOIN target_accounts a ON a.id = page."pageId"
      LEFT JOIN users u ON u.id = a."assignedToId"
      ORDER BY page.ord`,
    // A search counts its matches only up to a cap (see paginatedUpTo); filters count exactly,
    // from indexes (the list's total for a tier or a status is a number reps quote).
    q.q
      ? db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM target_accounts a WHERE ${where} LIMIT ${cappedCountLimit(q)}) matched`
      : db.$queryRaw<{ n: number }[]>(rollupTotalSql(actor.eventId, q, actor.id) ?? Prisma.sql`SELECT count(*)::int AS n FROM target_accounts a WHERE ${where}`),
  ]);
  return q.q ? paginatedUpTo(rows, counted[0]?.n ?? 0, q) : paginated(rows, counted[0]?.n ?? 0, q);
}
type AccountListItem = Awaited<ReturnType<typeof listAccounts>>["items"][number];

/** The list filters rollup_accounts is keyed by (live accounts by tier, status and assignee). */
const ROLLUP_KEYED = ["tier", "status", "assignedTo"] as const;

/**
 * The list's total from rollup_accounts (kept by triggers in the writes' own transactions), when
 * nothing but tier, status and assignee narrows it; null otherwise. Counting the accounts visits
 * every match: 50,000 index entries for the unfiltered list at the xl dataset, ten times the large
 * one, where the rollup's few rows per event cost the same at any size.
 */
function rollupTotalSql(eventId: string, q: ListAccountsQuery, userId: string): Prisma.Sql | null {
  if (q.q || engagementWhereSql(ACCOUNT_OWNER, q).length > 0 || !narrowsOnlyBy(ACCOUNT, q, ROLLUP_KEYED, userId)) return null;
  const parts: Prisma.Sql[] = [Prisma.sql`r."eventId" = ${eventId}`];
  if (q.tier?.length) parts.push(Prisma.sql`r.tier = ANY (${q.tier})`);
  if (q.status?.length) parts.push(Prisma.sql`r.status = ANY (${q.status})`);
  const assignee = assigneeFilter(q.assignedTo, userId);
  if (assignee !== undefined) parts.push(Prisma.sql`r."assignedToId" = ${assignee ?? ""}`);
  return Prisma.sql`SELECT coalesce(sum(r.n), 0)::int AS n FROM rollup_accounts r WHERE ${Prisma.join(parts, " AND ")}`;
}

/** Distinct industries and the team, for the list's filter menus. */
export async function accountFilterOptions(actor: Actor, db: DbTx = prisma) {
  const [industries, team] = await Promise.all([
    // One index descent per distinct industry (target_accounts_industry_options_idx), each finding
    // the next one after the last: grouping the accounts read all of them (44 ms at 50,000).
    db.$queryRaw<{ industry: string | null }[]>`
      WITH RECURSIVE found AS (
        (SELECT a.industry FROM target_accounts a
          WHERE a."eventId" = ${actor.eventId} AND a."deletedAt" IS NULL AND a.industry IS NOT NULL ORDER BY a.industry LIMIT 1)
        UNION ALL
        SELECT (SELECT a.industry FROM target_accounts a
                 WHERE a."eventId" = ${actor.eventId} AND a."deletedAt" IS NULL AND a.industry > found.industry ORDER BY a.industry LIMIT 1)
        FROM found WHERE found.industry IS NOT NULL
      )
      SELECT industry FROM found WHERE industry IS NOT NULL`,
    db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { industries: industries.map((i) => i.industry!).filter(Boolean), team };
}

export async function getAccountOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  return inActorEvent(actor, "account", await db.targetAccount.findUnique({ where: { id }, include: { assignedTo: { select: { id: true, name: true, email: true } } } }));
}

const accountPeopleSelect = {
  id: true, name: true, title: true, email: true, icpScore: true, isExecOps: true, isOps: true, isProc: true, isSales: true, isTech: true, isNonOps: true, lastActivityAt: true,
} satisfies Prisma.PersonSelect;
const accountOutreachSelect = {
  id: true, subject: true, channel: true, status: true, sentAt: true, openedAt: true, repliedAt: true, createdAt: true, person: { select: { id: true, name: true } },
} satisfies Prisma.OutreachSelect;
const accountMeetingSelect = {
  id: true, title: true, scheduledAt: true, status: true, locationType: true, location: true, person: { select: { id: true, name: true } }, owner: { select: { name: true, email: true } },
} satisfies Prisma.MeetingSelect;
const accountTimelineSelect = { id: true, type: true, description: true, createdAt: true, actor: { select: { name: true, email: true } } } satisfies Prisma.ActivitySelect;
type AccountRecord = Prisma.TargetAccountGetPayload<{ include: { assignedTo: { select: { id: true; name: true; email: true } }; event: { select: { id: true; name: true; timeZone: true } }; dossier: true } }>;

export type AccountDetail = {
  account: Omit<AccountRecord, "revenue"> & { revenue: number | null };
  people: Prisma.PersonGetPayload<{ select: typeof accountPeopleSelect }>[];
  outreach: Prisma.OutreachGetPayload<{ select: typeof accountOutreachSelect }>[];
  meetings: Prisma.MeetingGetPayload<{ select: typeof accountMeetingSelect }>[];
  activities: (Prisma.ActivityGetPayload<{ select: typeof accountTimelineSelect }> & { replyText: string | null })[];
  insights: Prisma.InsightGetPayload<true>[];
};

type AccountDetailRow = Omit<AccountDetail, "account"> & {
  account: Omit<AccountRecord, "assignedTo" | "event" | "dossier">;
  assignedTo: AccountRecord["assignedTo"];
  event: AccountRecord["event"];
  dossier: AccountRecord["dossier"];
};


/**
 * Everything the account page shows, in one statement (one round trip: the page is opened all
 * day, and the Prisma version needed two rounds of six queries plus their relation lookups).
 */
export async function getAccountDetail(id: string, actor: Actor, db: DbTx = prisma): Promise<AccountDetail> {
  const [row] = await db.$queryRaw<AccountDetailRow[]>`
    SELECT to_json(a) AS account,
      (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = a."assignedToId") AS "assignedTo",
      (SELECT json_build_object('id', e.id, 'name', e.name, 'timeZone', e."timeZone") FROM events e WHERE e.id = a."eventId") AS event,
      (SELECT to_json(d) FROM company_dossiers d WHERE d."accountId" = a.id) AS dossier,
      ${jsonList(Prisma.sql`
        SELECT p.id, p.name, p.title, p.email, p."icpScore", p."isExecOps", p."isOps", p."isProc", p."isSales", p."isTech", p."isNonOps", p."lastActivityAt"
        FROM people p WHERE p."accountId" = ${id} AND p."deletedAt" IS NULL ORDER BY p."icpScore" DESC NULLS LAST, p.name`)} AS people,
      ${jsonList(Prisma.sql`
        SELECT o.id, o.subject, o.channel, o.status, o."sentAt", o."openedAt", o."repliedAt", o."createdAt", json_build_object('id', p.id, 'name', p.name) AS person
        FROM outreach o JOIN people p ON p.id = o."personId" WHERE o."accountId" = ${id}
        ORDER BY o."sentAt" DESC NULLS FIRST, o."createdAt" DESC LIMIT 50`)} AS outreach,
      ${jsonList(Prisma.sql`
        SELECT m.id, m.title, m."scheduledAt", m.status, m."locationType", m.location, ${joinedObject("p", ["id", "name"])} AS person, ${joinedObject("u", ["name", "email"])} AS owner
        FROM meeting m LEFT JOIN people p ON p.id = m."personId" LEFT JOIN users u ON u.id = m."ownerId"
        WHERE m."accountId" = ${id} ORDER BY m."scheduledAt" DESC LIMIT 50`)} AS meetings,
      ${jsonList(Prisma.sql`
        SELECT t.id, t.type, t.description, t."createdAt", t.metadata->>'replyText' AS "replyText", ${joinedObject("u", ["name", "email"])} AS actor
        FROM activities t LEFT JOIN users u ON u.id = t."actorId" WHERE t."accountId" = ${id} ORDER BY t."createdAt" DESC LIMIT 50`)} AS activities,
      ${jsonList(Prisma.sql`SELECT i.* FROM insights i WHERE i."accountId" = ${id} AND i."personId" IS NULL ORDER BY i."createdAt" DESC LIMIT 20`)} AS insights
    FROM target_accounts a WHERE a.id = ${id}`;
  if (!row) throw notFoundIn(actor, "account");
  const account = withDates(inActorEvent(actor, "account", row.account));
  return {
    account: { ...account, revenue: account.revenue === null ? null : Number(account.revenue), assignedTo: row.assignedTo, event: row.event, dossier: row.dossier ? withDates(row.dossier) : null },
    people: listWithDates(row.people),
    outreach: listWithDates(row.outreach),
    meetings: listWithDates(row.meetings),
    activities: listWithDates(row.activities),
    insights: listWithDates(row.insights),
  };
}

export async function createAccount(body: z.infer<typeof createAccountBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    await assertAssignee(body.assignedToId, tx);
    const { eventId: _ignored, revenue, expectedCloseDate, ...fields } = body;
    // The creator owns what they create unless they assign it (an explicit null means unassigned).
    const created = await tx.targetAccount.create({
      data: {
        ...fields, assignedToId: body.assignedToId === undefined ? actor.id : body.assignedToId, revenue: revenue == null ? revenue : BigInt(revenue), eventId, normalizedName: normalizeName(body.name), source: "manual",
        ...(opportunityEffects({ opportunityStage: body.opportunityStage, expectedCloseDate }, null, new Date()) as Partial<Prisma.TargetAccountUncheckedCreateInput>),
      },
    });
    await scoreRecords(eventId, { accountIds: [created.id], personIds: [] }, tx);
    const account = await tx.targetAccount.findUniqueOrThrow({ where: { id: created.id } });
    await recordActivity(
      { type: "account.created", description: `${actorName(actor)} added ${account.name}`, ...activityAbout("account", account, actor.id) },
      tx,
    );
    return { ...account, revenue: account.revenue === null ? null : Number(account.revenue) };
  });
}

export async function updateAccount(id: string, body: z.infer<typeof updateAccountBody>, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const { assignedTo, ...before } = await getAccountOrThrow(id, actor, tx);
    const reassigns = body.assignedToId !== undefined && body.assignedToId !== before.assignedToId;
    if (reassigns) assertCan(actor, "account", "assign", ownedBy(assignedTo));
    if (Object.keys(body).some((k) => k !== "assignedToId")) assertCan(actor, "account", "edit", ownedBy(assignedTo));
    if (body.assignedToId !== undefined) await assertAssignee(body.assignedToId, tx);
    const { revenue, expectedCloseDate, ...fields } = body;
    const data: Prisma.TargetAccountUncheckedUpdateInput = { ...fields, ...opportunityEffects({ opportunityStage: body.opportunityStage, expectedCloseDate }, before, new Date()) };
    if (revenue !== undefined) data.revenue = revenue === null ? null : BigInt(revenue);
    if (body.name) data.normalizedName = normalizeName(body.name);
    const account = await tx.targetAccount.update({ where: { id }, data });
    const changes = diff(before as unknown as Record<string, unknown>, { ...body });
    const fieldsChanged = Object.keys(changes);
    if (fieldsChanged.length > 0) {
      await recordActivity(
        {
          type: "account.updated",
          description: `${actorName(actor)} updated ${account.name}: ${fieldsChanged.join(", ")}`,
          ...activityAbout("account", account, actor.id),
          metadata: { changes } as Prisma.InputJsonValue,
        },
        tx,
      );
    }
    return { ...account, revenue: account.revenue === null ? null : Number(account.revenue) };
  });
}

export async function deleteAccount(id: string, options: { deletePeople: boolean }, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const account = await getAccountOrThrow(id, actor, tx);
    assertCan(actor, "account", "delete", ownedBy(account.assignedTo));
    const trashed = await moveToTrash(tx, actor, { label: account.name, accountIds: [id], withPeople: options.deletePeople });
    const people = trashed.people;
    await recordActivity(
      {
        type: "account.deleted",
        description: `${actorName(actor)} moved ${account.name}${options.deletePeople ? ` and its ${people} people` : ""} to the Trash`,
        ...activityAbout("account", account, actor.id),
        metadata: { name: account.name, deletedPeople: people, deletionId: trashed.deletionId },
      },
      tx,
    );
    return { id, deleted: true, deletedPeople: people, deletionId: trashed.deletionId };
  });
}

/** Bulk changes: one UPDATE (or DELETE) plus one activity row per account, in one transaction. */
export async function bulkUpdateAccounts(body: z.infer<typeof bulkAccountsBody>, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const ids = [...new Set(body.ids)];
    const accounts = (await tx.targetAccount.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true, eventId: true, deletedAt: true, assignedToId: true, assignedTo: { select: { id: true, name: true, email: true } } },
    })).filter((a) => isInActorEvent(actor, "account", a));
    assertAllFound(ids, accounts, { plural: "accounts", one: "account" });
    const action = body.action === "assign" ? "assign" : body.action === "delete" ? "delete" : "edit";
    const changing = body.action === "assign" ? accounts.filter((a) => a.assignedToId !== body.assignedToId) : accounts;
    assertCanEach(actor, "account", action, changing.map((a) => ({ name: a.name, owners: ownedBy(a.assignedTo) })));
    const now = new Date();
    let description: (name: string) => string;
    let type: ActivityType = "account.updated";
    let deletedPeople = 0;
    let deletionId: string | null = null;
    if (body.action === "assign") {
      const assignee = await assertAssignee(body.assignedToId, tx);
      await tx.targetAccount.updateMany({ where: { id: { in: ids } }, data: { assignedToId: body.assignedToId } });
      description = (name) => `${actorName(actor)} assigned ${name} to ${assignee}`;
    } else if (body.action === "setTier") {
      await tx.targetAccount.updateMany({ where: { id: { in: ids } }, data: { tier: body.tier } });
      description = (name) => `${actorName(actor)} set ${name} to tier ${body.tier}`;
    } else if (body.action === "setStatus") {
      await tx.targetAccount.updateMany({ where: { id: { in: ids } }, data: { status: body.status } });
      description = (name) => `${actorName(actor)} set ${name} to ${body.status.toLowerCase().replace(/_/g, " ")}`;
    } else if (body.action === "setOpportunityStage") {
      const stage = body.opportunityStage;
      // Opened once: only accounts without an opportunity get today's opening date.
      if (stage !== null) await tx.targetAccount.updateMany({ where: { id: { in: ids }, opportunityOpenedAt: null }, data: { opportunityOpenedAt: now } });
      const { opportunityOpenedAt: _opened, ...effects } = opportunityEffects({ opportunityStage: stage }, { opportunityOpenedAt: now, opportunityStage: null }, now);
      await tx.targetAccount.updateMany({ where: { id: { in: ids } }, data: { ...(effects as Prisma.TargetAccountUpdateManyMutationInput), opportunityStage: stage } });
      description = (name) => `${actorName(actor)} set the opportunity of ${name} to ${stage ? stage.toLowerCase() : "none"}`;
    } else {
      const label = accounts.length === 1 ? accounts[0]!.name : `${accounts.length} accounts`;
      const trashed = await moveToTrash(tx, actor, { label, accountIds: ids, withPeople: body.deletePeople }, now);
      deletedPeople = trashed.people;
      deletionId = trashed.deletionId;
      type = "account.deleted";
      description = (name) => `${actorName(actor)} moved ${name} to the Trash`;
    }
    await recordActivities(
      accounts.map((a) => ({
        type,
        description: description(a.name),
        ...activityAbout("account", a, actor.id),
        metadata: { bulk: true, action: body.action, ...(deletionId ? { deletionId } : {}) },
        occurredAt: now,
      })),
      tx,
    );
    return { action: body.action, count: ids.length, deletedPeople, ...(deletionId ? { deletionId } : {}) };
  }, BULK_WRITE_TX);
}
