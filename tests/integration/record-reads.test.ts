import { beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { ACCOUNT_SORTS, getAccountDetail, listAccounts, listAccountsQuery } from "@/server/accounts/service";
import { getPerson, getPersonDetail, listPeople, listPeopleQuery, peopleWhere, PEOPLE_SORTS } from "@/server/people/service";
import { getEventMetrics } from "@/server/dashboard/stats";
import { getEngagementHeatmap } from "@/server/analytics/heatmap";
import { actorFor, createEvent, createUser } from "../helpers/factories";
import type { Actor } from "@/server/access/actor";

/**
 * The account and person pages are read with one SQL statement each (src/server/sql-json.ts).
 * These tests pin that down: the result must equal, field for field (Dates as Dates, Json
 * columns untouched, the same order and limits), what the straightforward Prisma reads return —
 * kept below as the reference — and it must take exactly one query, so nobody quietly brings
 * the N+1 back.
 */

function countingClient() {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  const counter = { queries: 0 };
  client.$on("query", () => {
    counter.queries++;
  });
  return { client, counter };
}

async function referencePerson(id: string) {
  const person = await prisma.person.findUniqueOrThrow({
    where: { id },
    include: {
      account: { include: { dossier: true } },
      assignedTo: { select: { id: true, name: true, email: true } },
      insights: { orderBy: [{ confidence: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }], take: 20 },
    },
  });
  return { ...person, account: person.account ? { ...person.account, revenue: person.account.revenue === null ? null : Number(person.account.revenue) } : null };
}

/** The timeline shows a captured reply's text, kept in the activity's metadata. */
function withReplyText<T extends { metadata: unknown }>(rows: T[]) {
  return rows.map(({ metadata, ...row }) => {
    const replyText = metadata && typeof metadata === "object" && "replyText" in metadata ? (metadata as { replyText: unknown }).replyText : null;
    return { ...row, replyText: typeof replyText === "string" ? replyText : null };
  });
}

async function referencePersonDetail(id: string) {
  const person = await referencePerson(id);
  const [outreach, meetings, enrollments, activities, colleagues] = await Promise.all([
    prisma.outreach.findMany({
      where: { personId: id },
      orderBy: [{ sentAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      take: 50,
      select: { id: true, subject: true, channel: true, status: true, sentAt: true, openedAt: true, repliedAt: true, clickedAt: true, openCount: true, createdAt: true },
    }),
    prisma.meeting.findMany({
      where: { personId: id },
      orderBy: { scheduledAt: "desc" },
      select: { id: true, title: true, scheduledAt: true, durationMinutes: true, status: true, locationType: true, location: true, outcome: true, nextStep: true, owner: { select: { name: true, email: true } } },
    }),
    prisma.sequenceEnrollment.findMany({
      where: { personId: id },
      orderBy: { enrolledAt: "desc" },
      select: { id: true, status: true, currentStep: true, nextStepAt: true, enrolledAt: true, sequence: { select: { id: true, name: true, _count: { select: { steps: true } } } } },
    }),
    prisma.activity.findMany({
      where: { personId: id },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, type: true, description: true, createdAt: true, metadata: true, actor: { select: { name: true, email: true } } },
    }).then(withReplyText),
    person.accountId
      ? prisma.person.findMany({ where: { accountId: person.accountId, id: { not: id } }, orderBy: [{ icpScore: { sort: "desc", nulls: "last" } }], take: 6, select: { id: true, name: true, title: true, icpScore: true } })
      : Promise.resolve([]),
  ]);
  const { timeZone: eventTimeZone } = await prisma.event.findUniqueOrThrow({ where: { id: person.eventId }, select: { timeZone: true } });
  return { person, outreach, meetings, enrollments, activities, colleagues, eventTimeZone };
}

async function referenceAccountDetail(id: string) {
  const account = await prisma.targetAccount.findUniqueOrThrow({
    where: { id },
    include: { assignedTo: { select: { id: true, name: true, email: true } }, event: { select: { id: true, name: true, timeZone: true } }, dossier: true },
  });
  const [people, outreach, meetings, activities, insights] = await Promise.all([
    prisma.person.findMany({
      where: { accountId: id },
      orderBy: [{ icpScore: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      select: { id: true, name: true, title: true, email: true, icpScore: true, isExecOps: true, isOps: true, isProc: true, isSales: true, isTech: true, isNonOps: true, lastActivityAt: true },
    }),
    prisma.outreach.findMany({
      where: { accountId: id },
      orderBy: [{ sentAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      take: 50,
      select: { id: true, subject: true, channel: true, status: true, sentAt: true, openedAt: true, repliedAt: true, createdAt: true, person: { select: { id: true, name: true } } },
    }),
    prisma.meeting.findMany({
      where: { accountId: id },
      orderBy: { scheduledAt: "desc" },
      take: 50,
      select: { id: true, title: true, scheduledAt: true, status: true, locationType: true, location: true, person: { select: { id: true, name: true } }, owner: { select: { name: true, email: true } } },
    }),
    prisma.activity.findMany({
      where: { accountId: id },
      orderBy: { createdAt: "desc" },
      take: 50,
      select: { id: true, type: true, description: true, createdAt: true, metadata: true, actor: { select: { name: true, email: true } } },
    }).then(withReplyText),
    prisma.insight.findMany({ where: { accountId: id, personId: null }, orderBy: { createdAt: "desc" }, take: 20 }),
  ]);
  return { account: { ...account, revenue: account.revenue === null ? null : Number(account.revenue) }, people, outreach, meetings, activities, insights };
}

let accountId = "";
let personId = "";
let loneId = "";
let reader: Actor;

beforeAll(async () => {
  const event = await createEvent({ name: "Record Reads Expo" });
  const rep = await createUser({ name: "Reader Rep" });
  const account = await prisma.targetAccount.create({
    data: {
      eventId: event.id, name: "Readwell Freight", normalizedName: "readwell freight", domain: `readwell-${event.id}.test`, revenue: BigInt(125_000_000),
      employeeCount: 2400, icpScore: 81, icpBreakdown: { industry: { points: 30, note: "3PL", checkedAt: "2026-01-01" } }, icpScoredAt: new Date("2026-01-02T03:04:05.678Z"),
      assignedToId: rep.id, lastActivityAt: new Date("2026-01-09T10:00:00.123Z"),
      dossier: { create: { summary: "Runs 40 yards", facilities: [{ city: "Reno", openedAt: "2019" }], sources: ["https://readwell.test"], researchedAt: new Date("2026-01-03T00:00:00Z") } },
    },
  });
  accountId = account.id;
  const mk = (first: string, icp: number | null) =>
    prisma.person.create({ data: { eventId: event.id, accountId, firstName: first, lastName: "Reader", name: `${first} Reader`, title: "VP Ops", email: `${first.toLowerCase()}-${event.id}@readwell.test`, icpScore: icp, isOps: true } });
  const [main, ...others] = [await mk("Main", 90), await mk("Bea", null), await mk("Cal", 70), await mk("Dee", 95)];
  personId = main.id;
  await prisma.person.update({ where: { id: personId }, data: { assignedToId: rep.id, icpBreakdown: { persona: 40 } } });
  loneId = (await prisma.person.create({ data: { eventId: event.id, firstName: "Lone", lastName: "Reader", name: "Lone Reader" } })).id;
  for (let i = 0; i < 55; i++) {
    await prisma.outreach.create({
      data: {
        eventId: event.id, personId: i % 2 ? personId : others[i % 3].id, accountId, ownerId: rep.id, subject: `Note ${i}`, message: "Hi", channel: "EMAIL",
        status: i < 5 ? "DRAFT" : "SENT", sentAt: i < 5 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 20), 9, i)), openedAt: i % 4 === 0 && i >= 5 ? new Date(Date.UTC(2026, 0, 22, 9, i)) : null,
        createdAt: new Date(Date.UTC(2025, 11, 1, 0, i)),
      },
    });
  }
  await prisma.meeting.create({ data: { eventId: event.id, personId, accountId, ownerId: rep.id, title: "Booth demo", scheduledAt: new Date("2026-02-10T18:00:00Z"), icsUid: `reads-1-${event.id}@t` } });
  await prisma.meeting.create({ data: { eventId: event.id, personId, accountId, title: "Unowned", scheduledAt: new Date("2026-02-11T18:00:00Z"), icsUid: `reads-2-${event.id}@t` } });
  const sequence = await prisma.sequence.create({ data: { eventId: event.id, name: "Pre-show", steps: { create: [{ order: 1 }, { order: 2, delayDays: 3 }] } } });
  await prisma.sequenceEnrollment.create({ data: { sequenceId: sequence.id, personId, accountId, nextStepAt: new Date("2026-01-15T17:00:00Z") } });
  for (let i = 0; i < 3; i++) {
    await prisma.activity.create({ data: { eventId: event.id, type: "note.added", description: `Note ${i}`, personId, accountId, actorId: i ? rep.id : null, createdAt: new Date(Date.UTC(2026, 0, 5, i)) } });
  }
  await prisma.insight.create({ data: { accountId, content: "Account point", confidence: 0.5 } });
  await prisma.insight.create({ data: { accountId, personId, content: "Ask about Reno", confidence: 0.9 } });
  await prisma.insight.create({ data: { personId, content: "Unscored point" } });
  reader = await actorFor(rep, event.id);
});

describe("one-statement record reads", () => {
  it("getPersonDetail equals the Prisma reads and takes one query", async () => {
    const { client, counter } = countingClient();
    try {
      const detail = await getPersonDetail(personId, reader, client);
      expect(counter.queries).toBe(1);
      const reference = await referencePersonDetail(personId);
      expect(detail).toEqual(reference);
      expect(detail.person.account?.dossier?.researchedAt).toBeInstanceOf(Date);
      expect(detail.outreach).toHaveLength(27);
      expect(detail.colleagues.map((c) => c.name)).toEqual(["Dee Reader", "Cal Reader", "Bea Reader"]);
    } finally {
      await client.$disconnect();
    }
  });

  it("getPerson and getPersonDetail work for a person with no account, owner or history", async () => {
    expect(await getPerson(loneId, reader)).toEqual(await referencePerson(loneId));
    expect(await getPersonDetail(loneId, reader)).toEqual(await referencePersonDetail(loneId));
    await expect(getPersonDetail("missing-person", reader)).rejects.toMatchObject({ code: "not_found" });
  });

  it("getAccountDetail equals the Prisma reads and takes one query", async () => {
    const { client, counter } = countingClient();
    try {
      const detail = await getAccountDetail(accountId, reader, client);
      expect(counter.queries).toBe(1);
      expect(detail).toEqual(await referenceAccountDetail(accountId));
      expect(detail.account.revenue).toBe(125_000_000);
      expect(detail.outreach).toHaveLength(50);
      await expect(getAccountDetail("missing-account", reader)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await client.$disconnect();
    }
  });
});

// The engagement columns, computed from the rows in JavaScript: an independent reference for the SQL.
const engagementSelect = { outreach: { select: { sentAt: true, repliedAt: true } }, meetings: { select: { status: true, createdAt: true } } } as const;
function engagementOf(outreach: { sentAt: Date | null; repliedAt: Date | null }[], meetings: { status: string; createdAt: Date }[]) {
  const live = meetings.filter((m) => m.status !== "CANCELLED");
  const touches = [...outreach.flatMap((o) => (o.sentAt ? [o.sentAt.getTime()] : [])), ...live.map((m) => m.createdAt.getTime())];
  return {
    contacted: outreach.some((o) => o.sentAt !== null),
    replied: outreach.some((o) => o.repliedAt !== null),
    hasMeeting: live.length > 0,
    lastTouchedAt: touches.length ? new Date(Math.max(...touches)) : null,
  };
}

describe("accounts list in SQL", () => {
  // The Prisma query the list used to run: the reference for every filter and sort.
  async function referenceList(eventId: string, q: ReturnType<typeof listAccountsQuery.parse>, userId: string) {
    const where: Prisma.TargetAccountWhereInput = { eventId };
    if (q.q) where.OR = ["name", "domain", "industry"].map((f) => ({ [f]: { contains: q.q, mode: "insensitive" } }));
    if (q.tier?.length) where.tier = { in: q.tier };
    if (q.status?.length) where.status = { in: q.status };
    if (q.industry) where.industry = { equals: q.industry, mode: "insensitive" };
    if (q.assignedTo) where.assignedToId = q.assignedTo === "me" ? userId : q.assignedTo === "unassigned" ? null : q.assignedTo;
    if (q.icpMin !== undefined || q.icpMax !== undefined) where.icpScore = { gte: q.icpMin, lte: q.icpMax };
    const nullable = ["icpScore", "industry", "employeeCount", "revenue", "facilityCount", "lastActivityAt"].includes(q.sort);
    const primary = q.sort === "people" ? { people: { _count: q.dir } } : { [q.sort]: nullable ? { sort: q.dir, nulls: "last" } : q.dir };
    const [rows, total] = await Promise.all([
      prisma.targetAccount.findMany({
        where, orderBy: [primary as Prisma.TargetAccountOrderByWithRelationInput, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize,
        select: {
          id: true, name: true, domain: true, industry: true, headquarters: true, employeeCount: true, revenue: true, facilityCount: true, tier: true, status: true,
          icpScore: true, lastActivityAt: true, createdAt: true, assignedTo: { select: { id: true, name: true, email: true } }, _count: { select: { people: true } },
          ...engagementSelect,
        },
      }),
      prisma.targetAccount.count({ where }),
    ]);
    return { items: rows.map(({ _count, revenue, outreach, meetings, ...r }) => ({ ...r, revenue: revenue === null ? null : Number(revenue), peopleCount: _count.people, ...engagementOf(outreach, meetings) })), total };
  }

  it("returns what the Prisma query returned for every sort, direction and filter", async () => {
    const event = await createEvent({ name: "List Parity Expo" });
    const rep = await createUser({ name: "Parity Rep" });
    const user = await actorFor(rep, event.id);
    const tiers = ["A", "B", "C", "D"] as const;
    const statuses = ["PROSPECTING", "ENGAGED", "WON"] as const;
    for (let i = 0; i < 24; i++) {
      const a = await prisma.targetAccount.create({
        data: {
          eventId: event.id, name: i === 3 ? "100% Cold_Chain" : `Parity ${String.fromCharCode(65 + (i % 7))}${i}`, normalizedName: `parity ${i}`,
          domain: i % 5 ? `parity${i}.test` : null, industry: i % 4 ? ["Logistics", "Retail", "Food"][i % 3] : null, tier: tiers[i % 4], status: statuses[i % 3],
          icpScore: i % 6 ? (i * 7) % 100 : null, employeeCount: i % 3 ? i * 100 : null, revenue: i % 2 ? BigInt(i * 1_000_000) : null, facilityCount: i % 4,
          assignedToId: i % 3 ? rep.id : null, lastActivityAt: i % 2 ? new Date(Date.UTC(2026, 0, i + 1)) : null,
        },
      });
      for (let k = 0; k < i % 4; k++) {
        await prisma.person.create({ data: { eventId: event.id, accountId: a.id, firstName: `P${k}`, lastName: `${i}`, name: `P${k} ${i}` } });
      }
    }
    const base = { eventId: event.id, pageSize: "7" };
    const cases: Record<string, string>[] = [
      ...ACCOUNT_SORTS.filter((sort) => sort !== "lastTouchedAt").flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir, page: "2" }))),
      { tier: "A,B" }, { status: "WON" }, { industry: "logistics" }, { assignedTo: "me" }, { assignedTo: "unassigned" },
      { icpMin: "20", icpMax: "70" }, { q: "PARITY b" }, { q: "retail" }, { q: "parity3.test" },
    ];
    for (const c of cases) {
      const q = listAccountsQuery.parse({ ...base, ...c });
      const got = await listAccounts(q, user);
      const want = await referenceList(event.id, q, rep.id);
      expect({ case: c, items: got.items, total: got.total }).toEqual({ case: c, ...want });
    }
    // Unlike Prisma's `contains` (which passed % and _ through as wildcards), a typed % or _ is literal.
    for (const term of ["100%", "_"]) {
      const got = await listAccounts(listAccountsQuery.parse({ ...base, q: term }), user);
      expect(got.items.map((a) => a.name)).toEqual(["100% Cold_Chain"]);
    }
  });

  it("takes two statements (page; total), whatever the sort", async () => {
    const { client, counter } = countingClient();
    try {
      await listAccounts(listAccountsQuery.parse({ sort: "people" }), reader, client);
      expect(counter.queries).toBe(2);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("dashboard aggregates stay a fixed number of statements", () => {
  it("event metrics: one statement from the rollups, four scanning a date range; heatmap: one — whatever the event's size", async () => {
    const account = await prisma.targetAccount.findUniqueOrThrow({ where: { id: accountId }, select: { eventId: true } });
    const event = await prisma.event.findUniqueOrThrow({ where: { id: account.eventId }, select: { id: true, timeZone: true } });
    const { client, counter } = countingClient();
    try {
      const metrics = await getEventMetrics(event.id, { tiers: ["B", "C"], from: new Date("2025-01-01T00:00:00Z") }, client);
      expect(counter.queries).toBe(4);
      const sentInSql = await prisma.outreach.count({
        where: { eventId: event.id, status: { not: "DRAFT" }, sentAt: { gte: new Date("2025-01-01T00:00:00Z") }, account: { tier: { in: ["B", "C"] } } },
      });
      expect(sentInSql).toBeGreaterThan(0);
      expect(metrics.outreach.sent).toBe(sentInSql);
      const otherTiers = await getEventMetrics(event.id, { tiers: ["A"], from: new Date("2025-01-01T00:00:00Z") }, client);
      expect(otherTiers.outreach.sent).toBe(0);
      counter.queries = 0;
      const rolledUp = await getEventMetrics(event.id, { tiers: ["B", "C"] }, client);
      expect(counter.queries).toBe(1);
      expect(rolledUp.outreach.sent).toBe(await prisma.outreach.count({ where: { eventId: event.id, status: { not: "DRAFT" }, sentAt: { not: null }, account: { tier: { in: ["B", "C"] } } } }));
      counter.queries = 0;
      const heat = await getEngagementHeatmap(event, {}, {}, client);
      expect(counter.queries).toBe(1);
      expect(heat.weekdayHour).toHaveLength(7 * 24);
    } finally {
      await client.$disconnect();
    }
  });
});

describe("people list in SQL", () => {
  it("returns what the Prisma query (peopleWhere) returned for every sort, direction and filter", async () => {
    const event = await createEvent({ name: "People Parity Expo" });
    const rep = await createUser({ name: "People Parity Rep" });
    const user = await actorFor(rep, event.id);
    const accounts = [];
    for (let i = 0; i < 4; i++) {
      accounts.push(await prisma.targetAccount.create({ data: { eventId: event.id, name: `Ppl Acc ${"ZYXW"[i]}`, normalizedName: `ppl ${i}`, tier: (["A", "B", "C", "D"] as const)[i] } }));
    }
    const flags = ["isExecOps", "isOps", "isProc", "isSales", "isTech", "isNonOps"] as const;
    const day = 86_400_000;
    for (let i = 0; i < 26; i++) {
      const person = await prisma.person.create({
        data: {
          eventId: event.id, accountId: i % 5 ? accounts[i % 4].id : null, firstName: `F${i}`, lastName: "Ppl", name: i === 7 ? "Under_Score 50%" : `${"QWERTYUIOP"[i % 10]} Ppl ${i}`,
          title: i % 3 ? ["VP Ops", "Buyer", "CTO"][i % 3] : null, email: i % 4 ? `p${i}-${event.id}@ppl.test` : null, icpScore: i % 6 ? (i * 13) % 100 : null,
          [flags[i % 6]]: true, assignedToId: i % 2 ? rep.id : null, lastActivityAt: i % 3 ? new Date(Date.UTC(2026, 1, i + 1)) : null,
          leadRating: i % 4 ? ["hot", "warm", "cold"][i % 3] : null, interestTags: i % 3 ? ["pilot", ...(i % 2 ? ["yard visibility"] : [])] : [],
        },
      });
      // Engagement: sent recently, sent long ago and answered, a draft only, a meeting, a cancelled meeting.
      const msg = (sentAt: Date | null, repliedAt: Date | null = null) =>
        prisma.outreach.create({ data: { eventId: event.id, personId: person.id, accountId: person.accountId, message: "Hi", status: sentAt ? "SENT" : "DRAFT", sentAt, repliedAt } });
      if (i % 5 === 1) await msg(new Date(Date.now() - 2 * day));
      if (i % 5 === 2) await msg(new Date(Date.now() - 40 * day), new Date(Date.now() - 39 * day));
      if (i % 5 === 3) await msg(null);
      if (i % 7 === 3 || i % 9 === 4) {
        await prisma.meeting.create({ data: { eventId: event.id, personId: person.id, accountId: person.accountId, icsUid: `parity-${i}@test`, scheduledAt: new Date(Date.now() + day), status: i % 7 === 3 ? "SCHEDULED" : "CANCELLED" } });
      }
    }
    // People still linked to an account in the Trash show its name, and sort by it.
    const trashed = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Ppl Acc M", normalizedName: "ppl trashed", tier: "A", deletedAt: new Date() } });
    await prisma.person.createMany({ data: [0, 1].map((k) => ({ eventId: event.id, accountId: trashed.id, firstName: `T${k}`, lastName: "Ppl", name: `T${k} Ppl` })) });
    const base = { eventId: event.id, pageSize: "6" };
    const cases: Record<string, string>[] = [
      ...PEOPLE_SORTS.filter((sort) => sort !== "lastTouchedAt").flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir, page: "2" }))),
      // By account, read in two parts (with an account, without): every page, and with filters.
      ...["1", "3", "4", "5", "6"].flatMap((page) => (["asc", "desc"] as const).map((dir) => ({ sort: "account", dir, page }))),
      { sort: "account", tier: "A,C" }, { sort: "account", dir: "desc", persona: "isOps,isTech", pageSize: "4", page: "2" }, { sort: "account", q: "ppl acc" },
      { persona: "isOps,isTech" }, { accountId: accounts[1].id }, { tier: "A,C" }, { assignedTo: "me" }, { assignedTo: "unassigned" },
      { hasEmail: "true" }, { hasEmail: "false" }, { icpMin: "10", icpMax: "60" }, { q: "ppl acc z" }, { q: "buyer" }, { q: "q ppl" },
      { contacted: "yes" }, { contacted: "no" }, { replied: "yes" }, { replied: "no" }, { meeting: "yes" }, { meeting: "no" },
      { touched: "7d" }, { touched: "30d" }, { touched: "over30d" }, { touched: "never" }, { tier: "A,B", contacted: "no", pageSize: "50" },
      { rating: "hot" }, { rating: "warm,cold" }, { tag: "Yard Visibility" }, { tag: "pilot", rating: "hot" },
    ];
    for (const c of cases) {
      const q = listPeopleQuery.parse({ ...base, ...c });
      const got = await listPeople(q, user);
      const nullable = ["icpScore", "title", "lastActivityAt"].includes(q.sort);
      const primary = q.sort === "account" ? { account: { name: q.dir } } : { [q.sort]: nullable ? { sort: q.dir, nulls: "last" } : q.dir };
      const where = peopleWhere(event.id, q, rep.id);
      const [items, total] = await Promise.all([
        prisma.person.findMany({
          where, orderBy: [primary as Prisma.PersonOrderByWithRelationInput, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize,
          select: {
            id: true, name: true, title: true, email: true, icpScore: true, isExecOps: true, isOps: true, isProc: true, isSales: true, isTech: true, isNonOps: true,
            lastActivityAt: true, account: { select: { id: true, name: true, tier: true } }, assignedTo: { select: { id: true, name: true, email: true } },
            ...engagementSelect,
          },
        }),
        prisma.person.count({ where }),
      ]);
      const want = items.map(({ outreach, meetings, ...p }) => ({ ...p, ...engagementOf(outreach, meetings) }));
      expect({ case: c, items: got.items, total: got.total }).toEqual({ case: c, items: want, total });
    }
    const literal = await listPeople(listPeopleQuery.parse({ ...base, q: "_score 50%" }), user);
    expect(literal.items.map((p) => p.name)).toEqual(["Under_Score 50%"]);
  });
});

describe("heatmap buckets", () => {
  it("puts events in the right local hour in a half-hour zone (15-minute UTC buckets)", async () => {
    const event = await createEvent({ name: "Kolkata Expo", timeZone: "Asia/Kolkata" });
    const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Half Hour Co", normalizedName: "half hour co" } });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: "H", lastName: "H", name: "H H" } });
    const sentAt = new Date("2026-03-02T04:00:00Z");
    const msg = await prisma.outreach.create({ data: { eventId: event.id, personId: person.id, accountId: account.id, message: "Hi", status: "SENT", sentAt } });
    // 10:20 UTC = 15:50 IST (Monday, hour 15); 10:40 UTC = 16:10 IST (hour 16).
    await prisma.emailEvent.createMany({
      data: [
        { outreachId: msg.id, type: "open", occurredAt: new Date("2026-03-02T10:20:00Z") },
        { outreachId: msg.id, type: "click", occurredAt: new Date("2026-03-02T10:40:00Z") },
      ],
    });
    const heat = await getEngagementHeatmap({ id: event.id, timeZone: "Asia/Kolkata" });
    const nonEmpty = heat.weekdayHour.filter((c) => c.total > 0).map((c) => [c.weekday, c.hour, c.opens, c.clicks]);
    expect(nonEmpty).toEqual([[0, 15, 1, 0], [0, 16, 0, 1]]);
    expect(heat.accountWeek).toEqual([{ accountId: account.id, accountName: "Half Hour Co", total: 2, weeks: { "2026-03-02": 2 } }]);
  });
});
