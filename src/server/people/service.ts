import { z } from "zod";
import type { ActivityType } from "@/lib/vocabulary";
import { assertNotErased } from "@/server/privacy/tombstones";
import { Prisma } from "@/generated/prisma/client";
import { BULK_WRITE_TX, prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { activityAbout, recordActivities, recordActivity } from "@/server/activity/service";
import { scoreRecords } from "@/server/scoring/service";
import { joinedObject, jsonList, listWithDates, withDates } from "@/server/sql-json";
import { actorName, eventScopeField, type Actor } from "@/server/access/actor";
import { inActorEvent, isInActorEvent, notFoundIn } from "@/server/access/scope";
import { assertCan, assertCanEach, peopleOwners, personOwners } from "@/server/access/permissions";
import { moveToTrash } from "@/server/trash/service";
import { TIERS } from "@/server/accounts/service";
import { engagementColumnsSql, engagementQuery, engagementWhereSql, lastTouchedSql, personEngagementWhere } from "@/server/lists/engagement";
import { assertAllFound, assertAssignee, assigneeFilter, containsPattern, csvEnum, diff, idString, sortDir } from "@/server/accounts/shared";
import { filterShape, filterSql, filterWhere, narrowsOnlyBy, rangeIssues } from "@/server/lists/filters";
import { LAWFUL_BASES, PERSON } from "@/lib/fields/person";
import { createShape, updateShape } from "@/lib/fields/define";
import { LAWFUL_BASIS_LABELS } from "@/lib/privacy-labels";
import { cappedCountLimit, paginationFields, pageWindow, paginated, paginatedUpTo } from "@/server/http/pagination";

;

const PERSONA_FLAGS = ["isExecOps", "isOps", "isProc", "isSales", "isTech", "isNonOps"] as const;
export const PEOPLE_SORTS = ["name", "icpScore", "title", "account", "lastActivityAt", "lastTouchedAt", "createdAt"] as const;

export const listPeopleQuery = z.strictObject({
  ...eventScopeField,
  q: z.string().trim().max(100).optional(),
  persona: csvEnum([...PERSONA_FLAGS]).optional(),
  tier: csvEnum([...TIERS]).optional(),
  ...filterShape(PERSON.fields),
  ...engagementQuery,
  sort: z.enum(PEOPLE_SORTS).default("icpScore"),
  dir: sortDir.default("desc"),
  ...paginationFields({ pageSize: 50, maxPageSize: 200 }),
}).superRefine((q, ctx) => rangeIssues(PERSON.fields, q, ctx));
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;

/**
 * A person by firstName/lastName (our forms) or by one `name` (the sprint plan's clients send
 * `{"name":"John Doe"}`): the first word becomes the first name, the rest the last name.
 */
export const createPersonBody = z
  .strictObject({ ...createShape(PERSON.fields), name: z.string().trim().min(1, "Enter a name").max(201).optional(), ...eventScopeField })
  .superRefine((b, ctx) => {
    if (b.name !== undefined && (b.firstName !== undefined || b.lastName !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Send either name or firstName and lastName, not both" });
    } else if (b.name === undefined && b.firstName === undefined) {
      ctx.addIssue({ code: "custom", path: ["firstName"], message: "Enter a first name" });
    }
  })
  .transform(({ name, ...fields }) => ({ ...fields, ...(name === undefined ? { firstName: fields.firstName! } : splitFullName(name)) }));

function splitFullName(name: string): { firstName: string; lastName: string } {
  const [firstName, ...rest] = name.split(/\s+/);
  return { firstName: firstName!, lastName: rest.join(" ") };
}
export const updatePersonBody = z
  .strictObject(updateShape(PERSON.fields))
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" });

export const bulkPeopleBody = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("assign"), ids: z.array(idString).min(1).max(500), assignedToId: idString.nullable() }),
  z.strictObject({ action: z.literal("delete"), ids: z.array(idString).min(1).max(500) }),
  z.strictObject({ action: z.literal("lawful_basis"), ids: z.array(idString).min(1).max(500), lawfulBasis: z.enum(LAWFUL_BASES, { message: "Pick legitimate interest, consent or customer" }) }),
]);

export function peopleWhere(eventId: string, q: ListPeopleQuery, userId: string): Prisma.PersonWhereInput {
  const and: Prisma.PersonWhereInput[] = [{ eventId, deletedAt: null, erasedAt: null }];
  if (q.q) {
    and.push({
      OR: [
        { name: { contains: q.q, mode: "insensitive" } },
        { email: { contains: q.q, mode: "insensitive" } },
        { title: { contains: q.q, mode: "insensitive" } },
        { account: { name: { contains: q.q, mode: "insensitive" } } },
      ],
    });
  }
  // Persona flags are "any of": a rep picks the personas they want to reach.
  if (q.persona?.length) and.push({ OR: q.persona.map((flag) => ({ [flag]: true })) });
  if (q.tier?.length) and.push({ account: { tier: { in: q.tier } } });
  and.push(...(filterWhere(PERSON, q, userId) as Prisma.PersonWhereInput[]));
  and.push(...personEngagementWhere(q));
  return { AND: and };
}


const personListSelect = {
  id: true,
  name: true,
  title: true,
  email: true,
  icpScore: true,
  isExecOps: true,
  isOps: true,
  isProc: true,
  isSales: true,
  isTech: true,
  isNonOps: true,
  lastActivityAt: true,
  account: { select: { id: true, name: true, tier: true } },
  assignedTo: { select: { id: true, name: true, email: true } },
} satisfies Prisma.PersonSelect;

/**
 * The list's filters as SQL; `peopleWhere` is the same filter for Prisma (saved-filter enrolment).
 * The search text is not among them: listPeople matches it in two ways (see there).
 */
function peopleWhereSql(eventId: string, q: ListPeopleQuery, userId: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`p."eventId" = ${eventId}`, Prisma.sql`p."deletedAt" IS NULL`, Prisma.sql`p."erasedAt" IS NULL`];
  if (q.persona?.length) parts.push(Prisma.sql`(${Prisma.join(q.persona.map((flag) => Prisma.sql`p.${Prisma.raw(`"${flag}"`)}`), " OR ")})`);
  // The account's tier as the database keeps it on the person (one index serves a tier chip in
  // ICP order); peopleWhere reads it through the account, so the lists' parity test checks both.
  // One tier as an equality: PostgreSQL reads `= ANY` of even one value from that index unordered,
  // and walked the ICP index instead (870 ms for tier C at xl, against 0.6 ms).
  if (q.tier?.length) parts.push(tierSql(q.tier));
  parts.push(...filterSql(PERSON, "p", q, userId));
  parts.push(...engagementWhereSql(PERSON_OWNER, q));
  return Prisma.join(parts, " AND ");
}

function tierSql(tiers: readonly string[]): Prisma.Sql {
  return tiers.length === 1 ? Prisma.sql`p."accountTier" = CAST(${tiers[0]} AS "Tier")` : Prisma.sql`p."accountTier" = ANY (CAST(${tiers} AS "Tier"[]))`;
}

/**
 * The list's total without visiting the people, when nothing but the account's tier and the
 * assignee narrows it (the default view, the page title's "N people at …", a tier chip); null
 * otherwise. The rollup of live people by tier and assignee (kept by triggers in the writes' own
 * transactions) less the erased ones among them, which the rollup keeps counting for the
 * dashboard and a partial index finds. An exact count visits every match: 250,000 index entries
 * for everyone at the xl dataset, and one tier's tens of thousands (250 ms for tier A when it read
 * each person's account), ten times the time of the large one.
 */
function rollupTotalSql(eventId: string, q: ListPeopleQuery, userId: string): Prisma.Sql | null {
  if (q.q || q.persona?.length || engagementWhereSql(PERSON_OWNER, q).length > 0 || !narrowsOnlyBy(PERSON, q, ["assignedTo"], userId)) return null;
  const rollup: Prisma.Sql[] = [Prisma.sql`r."eventId" = ${eventId}`];
  const erased: Prisma.Sql[] = [Prisma.sql`p."eventId" = ${eventId}`, Prisma.sql`p."erasedAt" IS NOT NULL`, Prisma.sql`p."deletedAt" IS NULL`];
  if (q.tier?.length) {
    rollup.push(Prisma.sql`r.tier = ANY (${q.tier})`);
    erased.push(tierSql(q.tier));
  }
  const assignee = assigneeFilter(q.assignedTo, userId);
  if (assignee !== undefined) {
    rollup.push(Prisma.sql`r."assignedToId" = ${assignee ?? ""}`);
    erased.push(assignee === null ? Prisma.sql`p."assignedToId" IS NULL` : Prisma.sql`p."assignedToId" = ${assignee}`);
  }
  return Prisma.sql`SELECT ((SELECT coalesce(sum(r.n), 0) FROM rollup_people r WHERE ${Prisma.join(rollup, " AND ")})
    - (SELECT count(*) FROM people p WHERE ${Prisma.join(erased, " AND ")}))::int AS n`;
}

const PERSON_OWNER = { alias: "p", column: "personId" } as const;

/** The orders by a column of the person (by account: pageIdsSql). */
const PEOPLE_SORT_SQL: Record<Exclude<(typeof PEOPLE_SORTS)[number], "account">, { column: Prisma.Sql; nullsLast: boolean }> = {
  name: { column: Prisma.sql`p.name`, nullsLast: false },
  icpScore: { column: Prisma.sql`p."icpScore"`, nullsLast: true },
  title: { column: Prisma.sql`p.title`, nullsLast: true },
  lastActivityAt: { column: Prisma.sql`p."lastActivityAt"`, nullsLast: true },
  lastTouchedAt: { column: lastTouchedSql(PERSON_OWNER), nullsLast: true },
  createdAt: { column: Prisma.sql`p."createdAt"`, nullsLast: false },
};

type PersonListRow = Omit<Prisma.PersonGetPayload<{ select: typeof personListSelect }>, "account" | "assignedTo"> & {
  account: { id: string; name: string; tier: (typeof TIERS)[number] } | null;
  assignedTo: { id: string; name: string | null; email: string } | null;
  contacted: boolean; replied: boolean; hasMeeting: boolean; lastTouchedAt: Date | null;
};

/**
 * One page and its total. Without a search: two parallel statements (like the accounts list).
 * With one (name, email, title or the account's name contain the text): the matches first, up to
 * the cap (which is the total), as two index-bound statements in one — people by their own
 * columns (a BitmapOr of three trigram indexes) and people of the accounts whose name matches
 * (the accounts' trigram index, then each account's people). When all of them were found, the
 * page is sorted from those ids. Walking the list's order and testing each person read 6,300
 * people for one page of "dana" at 250,000 people, and "reyes" (950 matches) took 1.6 s. Past
 * the cap the matches are dense, and walking the list's order finds a page soon.
 */
export async function listPeople(q: ListPeopleQuery, actor: Actor, db: DbTx = prisma) {
  const filters = peopleWhereSql(actor.eventId, q, actor.id);
  if (q.q) {
    const like = containsPattern(q.q);
    const ownColumns = Prisma.sql`(p.name ILIKE ${like} OR p.email ILIKE ${like} OR p.title ILIKE ${like})`;
    const cap = cappedCountLimit(q);
    const matched = await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM (
        (SELECT p.id FROM people p WHERE ${filters} AND ${ownColumns} LIMIT ${cap})
        UNION
        (SELECT p.id FROM target_accounts named JOIN people p ON p."accountId" = named.id
          WHERE named."eventId" = ${actor.eventId} AND named.name ILIKE ${like} AND ${filters} LIMIT ${cap})
      ) matched LIMIT ${cap}`;
    const page = matched.length < cap
      ? Prisma.sql`p.id = ANY (${matched.map((m) => m.id)}::text[])`
      : Prisma.sql`${filters} AND (${ownColumns} OR EXISTS (SELECT 1 FROM target_accounts named WHERE named.id = p."accountId" AND named.name ILIKE ${like}))`;
    return paginatedUpTo(await readPeoplePage(actor.eventId, page, q, db), matched.length, q);
  }
  const [rows, counted] = await Promise.all([
    readPeoplePage(actor.eventId, filters, q, db),
    db.$queryRaw<{ n: number }[]>(rollupTotalSql(actor.eventId, q, actor.id) ?? Prisma.sql`SELECT count(*)::int AS n FROM people p WHERE ${filters}`),
  ]);
  return paginated(rows, counted[0]?.n ?? 0, q);
}

/** The page's ids, numbered in the list's order (`pageId`, `ord`). */
function pageIdsSql(eventId: string, where: Prisma.Sql, q: ListPeopleQuery): Prisma.Sql {
  const { skip, take } = pageWindow(q);
  const dir = Prisma.raw(q.dir === "desc" ? "DESC" : "ASC");
  if (q.sort === "account") {
    // By the account's name, people without one where PostgreSQL places NULLs (last ascending,
    // first descending), ties by id. As one ORDER BY over people joined to accounts, every page
    // sorted every person of the event (512-580 ms at 250,000). As two parts, the page is read in
    // order: the event's accounts walked by name with each account's people (sorted by id within
    // a name), and the people without an account by id; each part stops at the page's end.
    const [withAccount, without] = q.dir === "desc" ? [1, 0] : [0, 1];
    return Prisma.sql`
      SELECT u.id AS "pageId", row_number() OVER (ORDER BY u.part, u.name ${dir}, u.id) AS ord FROM (
        (SELECT p.id, ${withAccount}::int AS part, a.name FROM target_accounts a JOIN people p ON p."accountId" = a.id
          WHERE a."eventId" = ${eventId} AND ${where} ORDER BY a.name ${dir}, p.id LIMIT ${skip + take})
        UNION ALL
        (SELECT p.id, ${without}::int AS part, NULL AS name FROM people p
          WHERE p."accountId" IS NULL AND ${where} ORDER BY p.id LIMIT ${skip + take})
      ) u
      ORDER BY u.part, u.name ${dir}, u.id
      LIMIT ${take} OFFSET ${skip}`;
  }
  const sort = PEOPLE_SORT_SQL[q.sort];
  const order = Prisma.sql`${sort.column} ${dir}${Prisma.raw(sort.nullsLast ? " NULLS LAST" : "")}, p.id ASC`;
  return Prisma.sql`
    SELECT p.id AS "pageId", row_number() OVER (ORDER BY ${order}) AS ord
      FROM people p
     WHERE ${where}
     ORDER BY ${order}
     LIMIT ${take} OFFSET ${skip}`;
}

/** The page's ids first, in the list's order; engagement only for those rows (as accounts). */
function readPeoplePage(eventId: string, where: Prisma.Sql, q: ListPeopleQuery, db: DbTx) {
  return db.$queryRaw<PersonListRow[]>`
    SELECT p.id, p.name, p.title, p.email, p."icpScore", p."isExecOps", p."isOps", p."isProc", p."isSales", p."isTech", p."isNonOps", p."lastActivityAt",
      ${joinedObject("a", ["id", "name", "tier"])} AS account,
      ${joinedObject("u", ["id", "name", "email"])} AS "assignedTo",
      ${engagementColumnsSql(PERSON_OWNER)}
    FROM (${pageIdsSql(eventId, where, q)}) page
    JOIN people p ON p.id = page."pageId"
    LEFT JOIN target_accounts a ON a.id = p."accountId" LEFT JOIN users u ON u.id = p."assignedToId"
    ORDER BY page.ord`;
}
type PersonListItem = Awaited<ReturnType<typeof listPeople>>["items"][number];

async function getPersonOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  return inActorEvent(actor, "person", await db.person.findUnique({ where: { id } }));
}

// The shapes the person page and GET /api/people/:id return (typed through Prisma's payloads,
// read with one SQL statement each: see personCoreColumns).
const personInclude = {
  account: { include: { dossier: true } },
  assignedTo: { select: { id: true, name: true, email: true } },
  insights: true,
} satisfies Prisma.PersonInclude;
type PersonRecord = Prisma.PersonGetPayload<{ include: typeof personInclude }>;
export type PersonWithAccount = Omit<PersonRecord, "account"> & { account: (Omit<NonNullable<PersonRecord["account"]>, "revenue"> & { revenue: number | null }) | null };

const personOutreachSelect = { id: true, subject: true, channel: true, status: true, sentAt: true, openedAt: true, repliedAt: true, clickedAt: true, openCount: true, createdAt: true } satisfies Prisma.OutreachSelect;
const personMeetingSelect = {
  id: true, title: true, scheduledAt: true, durationMinutes: true, status: true, locationType: true, location: true, outcome: true, nextStep: true,
  owner: { select: { name: true, email: true } },
} satisfies Prisma.MeetingSelect;
const personEnrollmentSelect = {
  id: true, status: true, currentStep: true, nextStepAt: true, enrolledAt: true,
  sequence: { select: { id: true, name: true, _count: { select: { steps: true } } } },
} satisfies Prisma.SequenceEnrollmentSelect;
const timelineSelect = { id: true, type: true, description: true, createdAt: true, actor: { select: { name: true, email: true } } } satisfies Prisma.ActivitySelect;

export type PersonDetail = {
  person: PersonWithAccount;
  outreach: Prisma.OutreachGetPayload<{ select: typeof personOutreachSelect }>[];
  meetings: Prisma.MeetingGetPayload<{ select: typeof personMeetingSelect }>[];
  enrollments: Prisma.SequenceEnrollmentGetPayload<{ select: typeof personEnrollmentSelect }>[];
  activities: (Prisma.ActivityGetPayload<{ select: typeof timelineSelect }> & { replyText: string | null })[];
  colleagues: { id: string; name: string; title: string | null; icpScore: number | null }[];
  /** The person's event's zone: their meetings at the show are shown in it. */
  eventTimeZone: string;
};

type PersonCoreRow = {
  person: Omit<PersonRecord, "account" | "assignedTo" | "insights">;
  account: (Omit<NonNullable<PersonRecord["account"]>, "dossier" | "revenue"> & { revenue: number | null }) | null;
  dossier: NonNullable<PersonRecord["account"]>["dossier"];
  assignedTo: PersonRecord["assignedTo"];
  insights: PersonRecord["insights"];
};

/**
 * The person, their account with its dossier, their owner and talking points (up to 20, most
 * confident first) as columns of one row. The person page is the page reps open before every
 * call, so it is read in one round trip (the Prisma version took five sequential ones).
 */
const personCoreColumns = (id: string) => Prisma.sql`
  to_json(p) AS person,
  (SELECT to_json(a) FROM target_accounts a WHERE a.id = p."accountId") AS account,
  (SELECT to_json(d) FROM company_dossiers d WHERE d."accountId" = p."accountId") AS dossier,
  (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM users u WHERE u.id = p."assignedToId") AS "assignedTo",
  ${jsonList(Prisma.sql`SELECT i.* FROM insights i WHERE i."personId" = ${id} ORDER BY i.confidence DESC NULLS LAST, i."createdAt" DESC LIMIT 20`)} AS insights`;

function toPerson(row: PersonCoreRow): PersonWithAccount {
  const account = row.account ? { ...withDates(row.account), revenue: row.account.revenue === null ? null : Number(row.account.revenue), dossier: row.dossier ? withDates(row.dossier) : null } : null;
  return { ...withDates(row.person), account, assignedTo: row.assignedTo, insights: listWithDates(row.insights) };
}

/** The person with their account (and its dossier) and talking points: what GET returns. */
export async function getPerson(id: string, actor: Actor, db: DbTx = prisma): Promise<PersonWithAccount> {
  const [row] = await db.$queryRaw<PersonCoreRow[]>`SELECT ${personCoreColumns(id)} FROM people p WHERE p.id = ${id}`;
  if (!row) throw notFoundIn(actor, "person");
  inActorEvent(actor, "person", row.person);
  return toPerson(row);
}

/** Everything the person page shows before a call, in one statement. */
export async function getPersonDetail(id: string, actor: Actor, db: DbTx = prisma): Promise<PersonDetail> {
  const [row] = await db.$queryRaw<(PersonCoreRow & Omit<PersonDetail, "person">)[]>`
    SELECT ${personCoreColumns(id)},
      ${jsonList(Prisma.sql`
        SELECT o.id, o.subject, o.channel, o.status, o."sentAt", o."openedAt", o."repliedAt", o."clickedAt", o."openCount", o."createdAt"
        FROM outreach o WHERE o."personId" = ${id} ORDER BY o."sentAt" DESC NULLS FIRST, o."createdAt" DESC LIMIT 50`)} AS outreach,
      ${jsonList(Prisma.sql`
        SELECT m.id, m.title, m."scheduledAt", m."durationMinutes", m.status, m."locationType", m.location, m.outcome, m."nextStep",
          ${joinedObject("u", ["name", "email"])} AS owner
        FROM meeting m LEFT JOIN users u ON u.id = m."ownerId" WHERE m."personId" = ${id} ORDER BY m."scheduledAt" DESC`)} AS meetings,
      ${jsonList(Prisma.sql`
        SELECT e.id, e.status, e."currentStep", e."nextStepAt", e."enrolledAt",
          json_build_object('id', s.id, 'name', s.name, '_count', json_build_object('steps', (SELECT count(*) FROM sequence_steps st WHERE st."sequenceId" = s.id))) AS sequence
        FROM sequence_enrollments e JOIN sequences s ON s.id = e."sequenceId" WHERE e."personId" = ${id} ORDER BY e."enrolledAt" DESC`)} AS enrollments,
      ${jsonList(Prisma.sql`
        SELECT t.id, t.type, t.description, t."createdAt", t.metadata->>'replyText' AS "replyText", ${joinedObject("u", ["name", "email"])} AS actor
        FROM activities t LEFT JOIN users u ON u.id = t."actorId" WHERE t."personId" = ${id} ORDER BY t."createdAt" DESC LIMIT 50`)} AS activities,
      ${jsonList(Prisma.sql`
        SELECT c.id, c.name, c.title, c."icpScore" FROM people c
        WHERE c."accountId" = p."accountId" AND c.id <> ${id} AND c."deletedAt" IS NULL ORDER BY c."icpScore" DESC NULLS LAST LIMIT 6`)} AS colleagues,
      (SELECT e."timeZone" FROM events e WHERE e.id = p."eventId") AS "eventTimeZone"
    FROM people p WHERE p.id = ${id}`;
  if (!row) throw notFoundIn(actor, "person");
  inActorEvent(actor, "person", row.person);
  return {
    person: toPerson(row),
    outreach: listWithDates(row.outreach),
    meetings: listWithDates(row.meetings),
    enrollments: listWithDates(row.enrollments),
    activities: listWithDates(row.activities),
    colleagues: row.colleagues,
    eventTimeZone: row.eventTimeZone,
  };
}

/** A link to an account follows the by-id rule too, but answers 422 on the field that names it. */
async function assertAccountInEvent(accountId: string | null | undefined, actor: Actor, db: DbTx) {
  if (!accountId) return;
  const account = await db.targetAccount.findUnique({ where: { id: accountId }, select: { eventId: true, deletedAt: true } });
  if (!account || !isInActorEvent(actor, "account", account)) {
    throw new AppError("validation_error", "That account is not in this event", [{ path: "accountId", message: "Unknown account" }]);
  }
}

export async function createPerson(body: z.infer<typeof createPersonBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    await assertAccountInEvent(body.accountId, actor, tx);
    await assertAssignee(body.assignedToId, tx);
    const { eventId: _ignored, ...fields } = body;
    const lastName = body.lastName ?? "";
    const name = `${body.firstName} ${lastName}`.trim();
    const company = body.accountId ? (await tx.targetAccount.findUnique({ where: { id: body.accountId }, select: { name: true } }))?.name : null;
    await assertNotErased({ email: body.email, name, company }, tx);
    // The creator owns what they create unless they assign it (an explicit null means unassigned).
    const created = await tx.person.create({
      data: { ...fields, assignedToId: body.assignedToId === undefined ? actor.id : body.assignedToId, lastName, eventId, name, source: "manual", dataSource: "MANUAL" },
    });
    await scoreRecords(eventId, { accountIds: [], personIds: [created.id] }, tx);
    const person = await tx.person.findUniqueOrThrow({ where: { id: created.id } });
    await recordActivity(
      { type: "person.created", description: `${actorName(actor)} added ${person.name}`, ...activityAbout("person", person, actor.id) },
      tx,
    );
    return person;
  });
}

export async function updatePerson(id: string, body: z.infer<typeof updatePersonBody>, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const before = await getPersonOrThrow(id, actor, tx);
    if (before.erasedAt) throw new AppError("conflict", "This person was erased; their record cannot be changed");
    if (body.email) await assertNotErased({ email: body.email }, tx);
    const owners = await personOwners(id, tx);
    if (body.assignedToId !== undefined && body.assignedToId !== before.assignedToId) assertCan(actor, "person", "assign", owners);
    if (Object.keys(body).some((k) => k !== "assignedToId")) assertCan(actor, "person", "edit", owners);
    if (body.accountId !== undefined) await assertAccountInEvent(body.accountId, actor, tx);
    if (body.assignedToId !== undefined) await assertAssignee(body.assignedToId, tx);
    const data: Prisma.PersonUncheckedUpdateInput = { ...body };
    if (body.firstName !== undefined || body.lastName !== undefined) {
      data.name = `${body.firstName ?? before.firstName} ${body.lastName ?? before.lastName}`.trim();
    }
    const person = await tx.person.update({ where: { id }, data });
    const changes = diff(before as unknown as Record<string, unknown>, { ...body });
    if (Object.keys(changes).length > 0) {
      await recordActivity(
        {
          type: "person.updated",
          description: `${actorName(actor)} updated ${person.name}: ${Object.keys(changes).join(", ")}`,
          ...activityAbout("person", person, actor.id),
          metadata: { changes } as Prisma.InputJsonValue,
        },
        tx,
      );
    }
    return person;
  });
}

export async function deletePerson(id: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const person = await getPersonOrThrow(id, actor, tx);
    assertCan(actor, "person", "delete", await personOwners(id, tx));
    const trashed = await moveToTrash(tx, actor, { label: person.name, personIds: [id] });
    await recordActivity(
      {
        type: "person.deleted",
        description: `${actorName(actor)} moved ${person.name} to the Trash`,
        ...activityAbout("person", person, actor.id),
        metadata: { name: person.name, email: person.email, deletionId: trashed.deletionId },
      },
      tx,
    );
    return { id, deleted: true, deletionId: trashed.deletionId };
  });
}

export async function bulkUpdatePeople(body: z.infer<typeof bulkPeopleBody>, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const ids = [...new Set(body.ids)];
    const people = (await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, eventId: true, deletedAt: true, accountId: true, assignedToId: true } })).filter((p) => isInActorEvent(actor, "person", p));
    assertAllFound(ids, people, { plural: "people", one: "person" });
    const changing = body.action === "assign" ? people.filter((p) => p.assignedToId !== body.assignedToId) : people;
    const owners = await peopleOwners(changing.map((p) => p.id), tx);
    assertCanEach(actor, "person", body.action === "lawful_basis" ? "edit" : body.action, changing.map((p) => ({ name: p.name, owners: owners.get(p.id) ?? [] })));
    const now = new Date();
    let describe: (name: string) => string;
    let deletionId: string | null = null;
    if (body.action === "assign") {
      const assignee = await assertAssignee(body.assignedToId, tx);
      await tx.person.updateMany({ where: { id: { in: ids } }, data: { assignedToId: body.assignedToId } });
      describe = (name) => `${actorName(actor)} assigned ${name} to ${assignee}`;
    } else if (body.action === "lawful_basis") {
      await tx.person.updateMany({ where: { id: { in: ids } }, data: { lawfulBasis: body.lawfulBasis } });
      describe = (name) => `${actorName(actor)} set the lawful basis of ${name} to ${LAWFUL_BASIS_LABELS[body.lawfulBasis].toLowerCase()}`;
    } else {
      deletionId = (await moveToTrash(tx, actor, { label: people.length === 1 ? people[0]!.name : `${people.length} people`, personIds: ids }, now)).deletionId;
      describe = (name) => `${actorName(actor)} moved ${name} to the Trash`;
    }
    await recordActivities(
      people.map((p) => ({
        type: (body.action === "delete" ? "person.deleted" : "person.updated") satisfies ActivityType,
        description: describe(p.name),
        ...activityAbout("person", p, actor.id),
        metadata: { bulk: true, action: body.action, ...(deletionId ? { deletionId } : {}), ...(body.action === "lawful_basis" ? { lawfulBasis: body.lawfulBasis } : {}) },
        occurredAt: now,
      })),
      tx,
    );
    return { action: body.action, count: ids.length, ...(deletionId ? { deletionId } : {}) };
  }, BULK_WRITE_TX);
}
