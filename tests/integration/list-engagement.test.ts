import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import * as accountsRoute from "@/app/api/accounts/route";
import * as peopleRoute from "@/app/api/people/route";
import { getEventMetrics } from "@/server/dashboard/stats";
import { callRoute } from "../helpers/request";
import { createEvent, createSession, createUser } from "../helpers/factories";

// Issue 16 item 2: "Which tier-A accounts haven't we contacted?" could not be answered.
const DAY = 86_400_000;

async function fixture() {
  const event = await createEvent({ name: "Engagement Expo" });
  const rep = await createUser({ name: "Engagement Rep" });
  await prisma.user.update({ where: { id: rep.id }, data: { lastEventId: event.id } });
  const { cookie } = await createSession(rep.id);
  let n = 0;
  const account = async (name: string, tier: "A" | "B", status: "PROSPECTING" | "WON" = "PROSPECTING") => {
    const a = await prisma.targetAccount.create({ data: { eventId: event.id, name, normalizedName: name.toLowerCase(), tier, status } });
    const p = await prisma.person.create({ data: { eventId: event.id, accountId: a.id, firstName: name, lastName: "Contact", name: `${name} Contact`, email: `c${n++}-${event.id}@eng.test` } });
    return { a, p };
  };
  const cold = await account("Cold A", "A");
  const draftOnly = await account("Draft Only A", "A");
  const emailed = await account("Emailed A", "A");
  const answered = await account("Answered A", "A");
  const met = await account("Met A", "A");
  const won = await account("Won A", "A", "WON");
  const otherTier = await account("Cold B", "B");
  const send = (x: { a: { id: string }; p: { id: string } }, data: { sentAt?: Date | null; repliedAt?: Date | null; status?: "SENT" | "DRAFT" }) =>
    prisma.outreach.create({ data: { eventId: event.id, personId: x.p.id, accountId: x.a.id, message: "Hi", status: data.status ?? "SENT", sentAt: data.sentAt ?? null, repliedAt: data.repliedAt ?? null } });
  await send(draftOnly, { status: "DRAFT" });
  await send(emailed, { sentAt: new Date(Date.now() - 45 * DAY) });
  await send(answered, { sentAt: new Date(Date.now() - 3 * DAY), repliedAt: new Date(Date.now() - 2 * DAY) });
  await prisma.meeting.create({ data: { eventId: event.id, personId: met.p.id, accountId: met.a.id, icsUid: `eng-${event.id}@test`, scheduledAt: new Date(Date.now() + 5 * DAY) } });
  return { event, cookie, cold, draftOnly, emailed, answered, met, won, otherTier };
}

async function names(cookie: string, route: typeof accountsRoute.GET, path: string, query: Record<string, string>) {
  const res = await callRoute(route, path, { cookie, query: { pageSize: "200", sort: "name", dir: "asc", ...query } });
  expect(res.status).toBe(200);
  return (res.json.data.items as { name: string }[]).map((i) => i.name);
}

describe("engagement filters and columns on the lists", () => {
  it("answers 'which tier-A accounts haven't we contacted?' and shows where each account stands", async () => {
    const { cookie } = await fixture();
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { tier: "A", contacted: "no" })).toEqual(["Cold A", "Draft Only A", "Met A", "Won A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { replied: "yes" })).toEqual(["Answered A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { meeting: "yes" })).toEqual(["Met A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "7d" })).toEqual(["Answered A", "Met A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "over30d" })).toEqual(["Emailed A"]);
    expect(await names(cookie, accountsRoute.GET, "/api/accounts", { touched: "never", tier: "B" })).toEqual(["Cold B"]);

    const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { q: "Answered" } });
    expect(res.json.data.items[0]).toMatchObject({ contacted: true, replied: true, hasMeeting: false });
    expect(new Date(res.json.data.items[0].lastTouchedAt).getTime()).toBeGreaterThan(Date.now() - 4 * DAY);

    // The same filters on people.
    expect(await names(cookie, peopleRoute.GET, "/api/people", { tier: "A", contacted: "no" })).toEqual(["Cold A Contact", "Draft Only A Contact", "Met A Contact", "Won A Contact"]);
  });

  it("each dashboard funnel bar's count is the total of the list it links to", async () => {
    const { event, cookie } = await fixture();
    const metrics = await getEventMetrics(event.id);
    const funnel = Object.fromEntries(metrics.funnel.map((f) => [f.key, f.count]));
    expect(funnel).toMatchObject({ targeted: 7, contacted: 4, engaged: 3, meeting: 2, won: 1 });
    for (const [stage, key] of [["contacted", "contacted"], ["replied", "engaged"], ["meeting", "meeting"], ["won", "won"]] as const) {
      const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { stage } });
      expect({ stage, total: res.json.data.total }).toEqual({ stage, total: funnel[key] });
    }
  });

  it("an unknown engagement value is refused with a sentence, not a stack trace", async () => {
    const { cookie } = await fixture();
    const res = await callRoute(accountsRoute.GET, "/api/accounts", { cookie, query: { contacted: "maybe" } });
    expect(res.status).toBe(422);
    expect(res.json.error).toBe("Choose one of: yes, no (contacted).");
    expect(res.json.details).toEqual([{ path: "contacted", message: "Choose one of: yes, no", code: "invalid_value" }]);
  });

  // The people list's tier chip reads the tier the database keeps on the person (migration
  // 20261207220000_people_account_tier).
  it("a person's account tier follows their account, whoever writes", async () => {
    const event = await createEvent({ name: "Tier Expo" });
    const [a, b] = await prisma.targetAccount.createManyAndReturn({
      data: [{ eventId: event.id, name: "Tier One", normalizedName: "tier one", tier: "A" }, { eventId: event.id, name: "Tier Two", normalizedName: "tier two", tier: "B" }],
      select: { id: true },
    });
    const person = await prisma.person.create({ data: { eventId: event.id, accountId: a!.id, firstName: "T", name: "T" } });
    const tier = async () => (await prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { accountTier: true } })).accountTier;
    expect(await tier()).toBe("A");
    await prisma.targetAccount.updateMany({ where: { id: { in: [a!.id, b!.id] } }, data: { tier: "C" } });
    expect(await tier()).toBe("C");
    await prisma.targetAccount.update({ where: { id: b!.id }, data: { tier: "D" } });
    await prisma.person.update({ where: { id: person.id }, data: { accountId: b!.id } });
    expect(await tier()).toBe("D");
    // Written directly, the column still tells the truth.
    await prisma.$executeRaw`UPDATE people SET "accountTier" = 'A' WHERE id = ${person.id}`;
    expect(await tier()).toBe("D");
    await prisma.person.update({ where: { id: person.id }, data: { accountId: null } });
    expect(await tier()).toBeNull();
    // The repair (the xl seed's copy runs with the trigger off) gives the same.
    await prisma.person.update({ where: { id: person.id }, data: { accountId: a!.id } });
    await prisma.$transaction([
      prisma.$executeRaw`ALTER TABLE people DISABLE TRIGGER rollup_people_account_tier`,
      prisma.$executeRaw`UPDATE people SET "accountTier" = 'B' WHERE id = ${person.id}`,
      prisma.$executeRaw`ALTER TABLE people ENABLE TRIGGER rollup_people_account_tier`,
    ]);
    expect(await tier()).toBe("B");
    await prisma.$executeRaw`SELECT rollup_rebuild_people_tier(${event.id})`;
    expect(await tier()).toBe("C");
  });

  // The lists sort and filter on stored values (migrations 20261207200000_last_touched and
  // 20261207210000_account_list_state). Random writes of every kind that can add or take away a
  // touch or an account's person, through Prisma and straight into the tables; then every person's
  // and account's stored values must equal the ones computed from their rows, and the repairs must
  // give the same.
  it("a person's and an account's stored last touch, and an account's people, equal the ones computed from their rows after any mix of writes", async () => {
    const base = Date.parse("2026-03-01T12:00:00Z");
    // Minutes from base, few enough that times repeat.
    const at = fc.integer({ min: -5, max: 5 }).map((m) => new Date(base + m * 60_000));
    const write = fc.oneof(
      fc.record({ kind: fc.constant("send" as const), person: fc.nat(), sentAt: fc.option(at, { nil: null }), withAccount: fc.boolean() }),
      fc.record({ kind: fc.constant("sendMany" as const), people: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), sentAt: at }),
      fc.record({ kind: fc.constant("markSent" as const), message: fc.nat(), sentAt: fc.option(at, { nil: null }) }),
      fc.record({ kind: fc.constant("moveMessage" as const), message: fc.nat(), person: fc.nat() }),
      fc.record({ kind: fc.constant("deleteMessage" as const), message: fc.nat() }),
      fc.record({ kind: fc.constant("book" as const), person: fc.nat(), at, cancelled: fc.boolean() }),
      fc.record({ kind: fc.constant("setStatus" as const), meeting: fc.nat(), status: fc.constantFrom("SCHEDULED", "CANCELLED", "COMPLETED") }),
      fc.record({ kind: fc.constant("deleteMeeting" as const), meeting: fc.nat() }),
      // Straight into the table, as a tool or a migration would.
      fc.record({ kind: fc.constant("direct" as const), person: fc.nat(), sentAt: at }),
      // The people an account counts: moved, trashed and restored, added in bulk, removed.
      fc.record({ kind: fc.constant("movePerson" as const), person: fc.nat(), account: fc.option(fc.nat(), { nil: null }) }),
      fc.record({ kind: fc.constant("trashPerson" as const), person: fc.nat(), trashed: fc.boolean() }),
      fc.record({ kind: fc.constant("addPeople" as const), accounts: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant("removePerson" as const), person: fc.nat() }),
    );
    const scenario = fc.record({
      accounts: fc.integer({ min: 1, max: 4 }),
      people: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 7 }),
      writes: fc.array(write, { minLength: 1, maxLength: 25 }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ accounts: accountCount, people: peopleSpec, writes }) => {
        const event = await createEvent({ name: `Touch Expo ${n++}` });
        const accounts = await prisma.targetAccount.createManyAndReturn({
          data: Array.from({ length: accountCount }, (_, i) => ({ eventId: event.id, name: `Touch ${i}`, normalizedName: `touch ${i}` })),
          select: { id: true },
        });
        const accountAt = (i: number | null) => (i === null ? null : accounts[i % accounts.length]!.id);
        let added = 0;
        const addPeople = (spec: (number | null)[]) => prisma.person.createManyAndReturn({
          data: spec.map((account) => ({ eventId: event.id, firstName: `T${added}`, name: `T${added++}`, accountId: accountAt(account) })),
          select: { id: true, accountId: true },
        });
        const people = await addPeople(peopleSpec);
        const person = (i: number) => people[i % people.length]!;
        const messages = () => prisma.outreach.findMany({ where: { eventId: event.id }, orderBy: { id: "asc" }, select: { id: true } });
        const meetings = () => prisma.meeting.findMany({ where: { eventId: event.id }, orderBy: { id: "asc" }, select: { id: true } });
        let booked = 0;
        for (const w of writes) {
          if (w.kind === "send") {
            const p = person(w.person);
            await prisma.outreach.create({ data: { eventId: event.id, personId: p.id, accountId: w.withAccount ? p.accountId : null, message: "Hi", status: w.sentAt ? "SENT" : "DRAFT", sentAt: w.sentAt } });
          } else if (w.kind === "sendMany") {
            await prisma.outreach.createMany({ data: w.people.map((i) => ({ eventId: event.id, personId: person(i).id, accountId: person(i).accountId, message: "Hi", status: "SENT" as const, sentAt: w.sentAt })) });
          } else if (w.kind === "markSent" || w.kind === "moveMessage" || w.kind === "deleteMessage") {
            const all = await messages();
            if (all.length === 0) continue;
            const id = all[w.message % all.length]!.id;
            if (w.kind === "markSent") await prisma.outreach.update({ where: { id }, data: { sentAt: w.sentAt } });
            else if (w.kind === "moveMessage") await prisma.outreach.update({ where: { id }, data: { personId: person(w.person).id, accountId: person(w.person).accountId } });
            else await prisma.outreach.delete({ where: { id } });
          } else if (w.kind === "book") {
            const p = person(w.person);
            await prisma.meeting.create({ data: { eventId: event.id, personId: p.id, accountId: p.accountId, icsUid: `touch-${event.id}-${booked++}@test`, scheduledAt: new Date(base + 86_400_000), createdAt: w.at, status: w.cancelled ? "CANCELLED" : "SCHEDULED" } });
          } else if (w.kind === "setStatus" || w.kind === "deleteMeeting") {
            const all = await meetings();
            if (all.length === 0) continue;
            const id = all[w.meeting % all.length]!.id;
            if (w.kind === "setStatus") await prisma.meeting.update({ where: { id }, data: { status: w.status } });
            else await prisma.meeting.delete({ where: { id } });
          } else if (w.kind === "movePerson") {
            const p = person(w.person);
            p.accountId = accountAt(w.account);
            await prisma.person.update({ where: { id: p.id }, data: { accountId: p.accountId } });
          } else if (w.kind === "trashPerson") {
            await prisma.person.update({ where: { id: person(w.person).id }, data: { deletedAt: w.trashed ? new Date() : null } });
          } else if (w.kind === "addPeople") {
            people.push(...(await addPeople(w.accounts)));
          } else if (w.kind === "removePerson") {
            // A purge from the Trash: the person's messages and meetings go with them (cascade).
            if (people.length === 1) continue;
            const [p] = people.splice(w.person % people.length, 1);
            await prisma.person.delete({ where: { id: p!.id } });
          } else {
            const p = person(w.person);
            await prisma.$executeRaw`INSERT INTO outreach (id, "eventId", "personId", "accountId", message, status, "sentAt", "createdAt", "updatedAt")
              VALUES (${`direct-${event.id}-${booked++}`}, ${event.id}, ${p.id}, ${p.accountId}, 'Hi', 'SENT', ${w.sentAt}, now(), now())`;
          }
        }
        const stale = () => prisma.$queryRaw<{ id: string; stored: Date | null; computed: Date | null }[]>`
          SELECT p.id, p."lastTouchedAt" AS stored, c.at AS computed FROM people p, LATERAL (SELECT GREATEST(
              (SELECT max(o."sentAt") FROM outreach o WHERE o."personId" = p.id),
              (SELECT max(m."createdAt") FROM meeting m WHERE m."personId" = p.id AND m.status <> 'CANCELLED')) AS at) c
           WHERE p."eventId" = ${event.id} AND p."lastTouchedAt" IS DISTINCT FROM c.at`;
        expect(await stale()).toEqual([]);
        // The repair agrees with the triggers (the xl seed's copy relies on it).
        await prisma.$executeRaw`UPDATE people SET "lastTouchedAt" = CASE WHEN "lastTouchedAt" IS NULL THEN '2000-01-01'::timestamp ELSE NULL END WHERE "eventId" = ${event.id}`;
        expect((await stale()).length).toBe(people.length);
        await prisma.$executeRaw`SELECT rollup_rebuild_last_touched(${event.id})`;
        expect(await stale()).toEqual([]);

        // The accounts' state rows (the accounts list's People and Engagement columns and orders).
        const staleAccounts = () => prisma.$queryRaw<{ id: string }[]>`
          SELECT a.id FROM target_accounts a JOIN rollup_account_state s ON s."accountId" = a.id, LATERAL (SELECT
              (SELECT count(*)::int FROM people p WHERE p."accountId" = a.id AND p."deletedAt" IS NULL) AS people,
              GREATEST((SELECT max(o."sentAt") FROM outreach o WHERE o."accountId" = a.id),
                (SELECT max(m."createdAt") FROM meeting m WHERE m."accountId" = a.id AND m.status <> 'CANCELLED')) AS at) c
           WHERE a."eventId" = ${event.id} AND (s.people, s."lastTouchedAt") IS DISTINCT FROM (c.people, c.at)`;
        expect(await staleAccounts()).toEqual([]);
        await prisma.$executeRaw`UPDATE rollup_account_state SET people = people + 1,
          "lastTouchedAt" = CASE WHEN "lastTouchedAt" IS NULL THEN '2000-01-01'::timestamp ELSE NULL END WHERE "eventId" = ${event.id}`;
        expect((await staleAccounts()).length).toBe(accounts.length);
        await prisma.$executeRaw`SELECT rollup_rebuild_account_list(${event.id})`;
        expect(await staleAccounts()).toEqual([]);
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});
