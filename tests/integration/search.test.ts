import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as searchRoute from "@/app/api/search/route";
import { callRoute } from "../helpers/request";
import { pruneOutreachSubjects } from "@/server/search/subjects";
import { createEvent, createSession, createUser } from "../helpers/factories";

async function world() {
  const event = await createEvent({ timeZone: "America/Chicago" });
  const other = await createEvent();
  const rep = await createUser();
  await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
  const acct = (name: string, domain: string, eventId = event.id, extra: object = {}) =>
    prisma.targetAccount.create({ data: { eventId, name, normalizedName: name.toLowerCase(), domain, tier: "A", icpScore: 82, industry: "3PL", ...extra } });
  const northwind = await acct("Northwind Logistics", "northwind.test");
  const gateway = await acct("Gateway Northwind Partners", "gateway.test", event.id, { tier: "B", icpScore: null });
  await acct("Northwind Elsewhere", "elsewhere.test", other.id);
  const dana = await prisma.person.create({ data: { eventId: event.id, accountId: northwind.id, firstName: "Dana", lastName: "Reyes", name: "Dana Reyes", title: "VP Operations", email: "dana@northwind.test" } });
  await prisma.meeting.create({ data: { eventId: event.id, personId: dana.id, accountId: northwind.id, ownerId: rep.id, title: "Yard demo", scheduledAt: new Date("2026-03-10T15:30:00Z"), icsUid: `uid-${dana.id}` } });
  const first = await prisma.outreach.create({ data: { eventId: event.id, personId: dana.id, accountId: northwind.id, ownerId: rep.id, subject: "Dock scheduling at Northwind", message: "hi", status: "SENT", sentAt: new Date("2026-03-01T10:00:00Z"), createdAt: new Date("2026-03-01T10:00:00Z") } });
  const latest = await prisma.outreach.create({ data: { eventId: event.id, personId: dana.id, accountId: northwind.id, ownerId: rep.id, subject: "Re: Dock scheduling at Northwind", message: "hi again", status: "DRAFT" } });
  await prisma.sequence.create({ data: { eventId: event.id, name: "Northwind follow-up", status: "ACTIVE" } });
  await prisma.emailTemplate.create({ data: { eventId: event.id, name: "Booth invite", subject: "See you at the show", body: "x" } });
  return { event, rep, cookie: (await createSession(rep.id)).cookie, northwind, gateway, dana, first, latest };
}

const search = (cookie: string, q: string, extra: Record<string, string> = {}) => callRoute(searchRoute.GET, "/api/search", { cookie, query: { q, ...extra } });

describe("global search", () => {
  it("finds every kind of record of the current event, grouped with its key fact, prefix matches first", async () => {
    const w = await world();
    const res = await search(w.cookie, "northwind");
    expect(res.status).toBe(200);
    const byType = Object.fromEntries(res.json.data.groups.map((g: { type: string; items: unknown[] }) => [g.type, g.items]));
    expect(Object.keys(byType)).toEqual(["account", "person", "meeting", "thread", "sequence"]);
    // Prefix before contains; the other event's account never appears.
    expect(byType.account.map((a: { title: string }) => a.title)).toEqual(["Northwind Logistics", "Gateway Northwind Partners"]);
    expect(byType.account[0]).toMatchObject({ detail: "Tier A · ICP 82 · 3PL · northwind.test", href: `/dashboard/accounts/${w.northwind.id}` });
    expect(byType.account[1].detail).toContain("not scored");
    expect(byType.person[0]).toMatchObject({ title: "Dana Reyes", detail: "VP Operations · Northwind Logistics · dana@northwind.test" });
    expect(byType.meeting[0].detail).toMatch(/^Tue, Mar 10, 10:30 AM CDT · Dana Reyes/);
    // One thread per person: the latest message, with the count.
    expect(byType.thread).toHaveLength(1);
    expect(byType.thread[0]).toMatchObject({ id: w.latest.id, detail: "Dana Reyes · 2 messages · draft", href: `/dashboard/outreach/${w.latest.id}` });
  });

  it("finds similar names (typos) when asked, and only then; searches by email and domain", async () => {
    const w = await world();
    // Exact matches only by default: the typo search reads every row whose trigrams come close.
    expect((await search(w.cookie, "Nortwind")).json.data).toEqual({ q: "Nortwind", similar: false, groups: [], total: 0 });
    const typo = await search(w.cookie, "Nortwind", { similar: "true" });
    expect(typo.json.data.similar).toBe(true);
    expect(typo.json.data.groups.find((g: { type: string }) => g.type === "account").items[0].title).toBe("Northwind Logistics");
    // Typos are matched against names, not addresses: Dana's email (dana@northwind.test) is not
    // compared with "Nortwind"; her meeting is found through her account's name.
    expect(typo.json.data.groups.find((g: { type: string }) => g.type === "person")).toBeUndefined();
    expect(typo.json.data.groups.find((g: { type: string }) => g.type === "meeting").items[0].detail).toMatch(/Dana Reyes · Northwind Logistics/);
    const personTypo = await search(w.cookie, "Dana Reyse", { similar: "true" });
    expect(personTypo.json.data.groups.find((g: { type: string }) => g.type === "person").items[0].title).toBe("Dana Reyes");
    expect(typo.json.data.groups.find((g: { type: string }) => g.type === "sequence").items[0].title).toBe("Northwind follow-up");
    // Literal matches still rank first when similar names are asked for.
    const both = await search(w.cookie, "northwind", { similar: "true" });
    expect(both.json.data.groups[0].items.map((a: { title: string }) => a.title)).toEqual(["Northwind Logistics", "Gateway Northwind Partners"]);
    expect((await search(w.cookie, "north", { similar: "maybe" })).status).toBe(422);
    const email = await search(w.cookie, "dana@north");
    expect(email.json.data.groups.find((g: { type: string }) => g.type === "person")).toMatchObject({ items: [expect.objectContaining({ title: "Dana Reyes" })] });
    const domain = await search(w.cookie, "gateway.te");
    expect(domain.json.data.groups[0].items[0].title).toBe("Gateway Northwind Partners");
    const template = await search(w.cookie, "booth");
    expect(template.json.data.groups.map((g: { type: string }) => g.type)).toEqual(["template"]);
    const none = await search(w.cookie, "zzqx");
    expect(none.json.data).toEqual({ q: "zzqx", similar: false, groups: [], total: 0 });
    expect((await search(w.cookie, "zzqx", { similar: "true" })).json.data).toEqual({ q: "zzqx", similar: true, groups: [], total: 0 });
  });

  it("finds meetings by account and title, and leaves subjects out of an address fragment", async () => {
    const w = await world();
    const byTitle = await search(w.cookie, "yard dem");
    expect(byTitle.json.data.groups.find((g: { type: string }) => g.type === "meeting").items[0].title).toBe("Yard demo");
    const byAccount = await search(w.cookie, "northwind logi");
    expect(byAccount.json.data.groups.find((g: { type: string }) => g.type === "meeting").items[0].title).toBe("Yard demo");
    await prisma.outreach.update({ where: { id: w.latest.id }, data: { subject: "Pricing for northwind.test" } });
    const threads = async (q: string) => (await search(w.cookie, q)).json.data.groups.find((g: { type: string }) => g.type === "thread")?.items ?? [];
    expect((await threads("northwind.test")).map((t: { id: string }) => t.id)).toEqual([w.latest.id]);
    // ".test" and "@north" are parts of addresses: people and accounts, not subjects.
    expect(await threads(".test")).toEqual([]);
    expect((await search(w.cookie, ".test")).json.data.groups.map((g: { type: string }) => g.type)).toEqual(["account", "person"]);
  });

  it("treats LIKE wildcards as text and refuses an empty or huge query", async () => {
    const w = await world();
    expect((await search(w.cookie, "%")).json.data.total).toBe(0);
    expect((await search(w.cookie, "   ")).status).toBe(422);
    expect((await search(w.cookie, "x".repeat(101))).status).toBe(422);
    expect((await callRoute(searchRoute.GET, "/api/search", { query: { q: "north" } })).status).toBe(401);
  });
});

// Threads are found by subject through each event's distinct subjects (outreach_subjects, kept by
// triggers and pruned by the maintenance job; migration 20261207030000).
describe("global search by subject", () => {
  const subjectsOf = async (eventId: string) =>
    (await prisma.outreachSubject.findMany({ where: { eventId }, orderBy: { subject: "asc" } })).map((s) => s.subject);
  const threads = async (cookie: string, q: string) =>
    ((await search(cookie, q)).json.data.groups.find((g: { type: string }) => g.type === "thread")?.items ?? []).map((t: { id: string }) => t.id);

  it("follows new and edited subjects, prunes only the unused ones, and keeps other events' subjects apart", async () => {
    const w = await world();
    expect(await subjectsOf(w.event.id)).toEqual(["Dock scheduling at Northwind", "Re: Dock scheduling at Northwind"]);

    // An edited subject is found at once; the old one stays in the table until the prune, finding nothing.
    await prisma.outreach.update({ where: { id: w.latest.id }, data: { subject: "Pricing sheet for the yard" } });
    expect(await threads(w.cookie, "pricing sheet")).toEqual([w.latest.id]);
    expect(await subjectsOf(w.event.id)).toContain("Re: Dock scheduling at Northwind");
    expect(await threads(w.cookie, "re: dock")).toEqual([]);

    // A subject longer than the key (200 characters) is kept by its start and found by it.
    const long = `Quarterly yard review ${"and detention numbers ".repeat(15)}`.trim();
    expect(long.length).toBeGreaterThan(300);
    const longOne = await prisma.outreach.create({ data: { eventId: w.event.id, personId: w.dana.id, accountId: w.northwind.id, ownerId: w.rep.id, subject: long, message: "x", status: "DRAFT" } });
    expect(await threads(w.cookie, "quarterly yard review")).toEqual([longOne.id]);

    // Another event's message with the same words is not found here.
    const other = await createEvent();
    const stranger = await prisma.person.create({ data: { eventId: other.id, firstName: "Sam", lastName: "Other", name: "Sam Other", email: "sam@other.test" } });
    await prisma.outreach.create({ data: { eventId: other.id, personId: stranger.id, ownerId: w.rep.id, subject: "Pricing sheet for the yard", message: "x", status: "DRAFT" } });
    expect(await threads(w.cookie, "pricing sheet")).toEqual([w.latest.id]);

    await prisma.outreach.delete({ where: { id: longOne.id } });
    expect(await pruneOutreachSubjects()).toBeGreaterThanOrEqual(2);
    const used = await prisma.outreach.findMany({ where: { eventId: w.event.id }, select: { subject: true }, distinct: ["subject"] });
    expect(await subjectsOf(w.event.id)).toEqual(used.map((o) => o.subject!.slice(0, 200)).sort());
    expect(await subjectsOf(other.id)).toEqual(["Pricing sheet for the yard"]);
  });

  it("never prunes a subject that a message being written uses", async () => {
    const w = await world();
    const subject = "Dock scheduling at Northwind";
    // The only message with the subject goes (its subject stays in the table until a prune)...
    await prisma.outreach.delete({ where: { id: w.first.id } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => (inserted = resolve));
    // ...and a new message with it is written, not committed yet, while a prune runs.
    const writer = prisma.$transaction(async (tx) => {
      await tx.outreach.create({ data: { eventId: w.event.id, personId: w.dana.id, accountId: w.northwind.id, ownerId: w.rep.id, subject, message: "again", status: "DRAFT" } });
      inserted();
      await held;
    }, { timeout: 20_000 });
    await didInsert;
    let pruneDone = false;
    const prune = pruneOutreachSubjects().finally(() => (pruneDone = true));
    // Wait (bounded) until the prune either waits for the writer's lock, or (wrongly) finishes.
    for (let i = 0; i < 100 && !pruneDone; i++) {
      const [{ waiting }] = await prisma.$queryRaw<[{ waiting: number }]>`
        SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'outreach_subjects'::regclass AND NOT granted`;
      if (waiting > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await writer;
    await prune;
    expect(await subjectsOf(w.event.id)).toContain(subject);
    expect(await threads(w.cookie, "dock scheduling")).toHaveLength(1);
  });
});
