import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { recordActivities, recordActivity } from "@/server/activity/service";
import { getMyDay } from "@/server/dashboard/my-day";
import { listRecentFeed } from "@/server/activity/feed";
import { createEvent, createUser } from "../helpers/factories";

// Issue 16 item 3: the dashboard had no priorities for a rep.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("my day", () => {
  it("lists the replies, tasks, follow-ups, hot accounts, meetings and walk-ups that are mine and still open", async () => {
    const now = new Date();
    const event = await createEvent({ name: "My Day Expo", timeZone: "America/Chicago" });
    const me = await createUser({ name: "Me Rep" });
    const other = await createUser({ name: "Other Rep" });
    let i = 0;
    const person = async (name: string) => {
      const account = await prisma.targetAccount.create({ data: { eventId: event.id, name: `${name} Co`, normalizedName: `${name} co`.toLowerCase(), assignedToId: me.id } });
      return prisma.person.create({ data: { eventId: event.id, accountId: account.id, firstName: name, lastName: "X", name: `${name} X`, email: `${name.toLowerCase()}${i++}-${event.id}@day.test` } });
    };
    const msg = (p: { id: string; accountId: string | null }, owner: string, data: Record<string, unknown>) =>
      prisma.outreach.create({ data: { eventId: event.id, personId: p.id, accountId: p.accountId, ownerId: owner, message: "Hi", subject: "Booth?", status: "SENT", sentAt: new Date(now.getTime() - 5 * DAY), ...data } });
    const meeting = (p: { id: string; accountId: string | null }, data: Record<string, unknown>) =>
      prisma.meeting.create({ data: { eventId: event.id, personId: p.id, accountId: p.accountId, ownerId: me.id, icsUid: `day-${i++}-${event.id}@t`, scheduledAt: now, ...data } });

    const waiting = await person("Waiting");
    await msg(waiting, me.id, { repliedAt: new Date(now.getTime() - 2 * HOUR) });
    const answered = await person("Answered");
    await msg(answered, me.id, { repliedAt: new Date(now.getTime() - 2 * DAY) });
    await msg(answered, me.id, { sentAt: new Date(now.getTime() - DAY) }); // I wrote back
    const notMine = await person("NotMine");
    await msg(notMine, other.id, { repliedAt: new Date(now.getTime() - HOUR) });

    const hot = await person("Hot");
    await msg(hot, me.id, { openedAt: new Date(now.getTime() - 5 * HOUR), clickedAt: new Date(now.getTime() - 4 * HOUR), openCount: 2, clickCount: 1 });
    const cold = await person("Cold");
    await msg(cold, me.id, { openedAt: new Date(now.getTime() - 9 * DAY), openCount: 1 });

    const met = await person("Met");
    await meeting(met, { status: "COMPLETED", scheduledAt: new Date(now.getTime() - 2 * DAY), nextStep: "Send the ROI" });
    const metAndFollowed = await person("Followed");
    await meeting(metAndFollowed, { status: "COMPLETED", scheduledAt: new Date(now.getTime() - 3 * DAY) });
    await msg(metAndFollowed, me.id, { sentAt: new Date(now.getTime() - DAY) });
    const upcoming = await person("Upcoming");
    await meeting(upcoming, { scheduledAt: new Date(now.getTime() + 3 * DAY) });
    await meeting(upcoming, { scheduledAt: new Date(now.getTime() + 10 * DAY) });

    const walkUp = await person("WalkUp");
    const walkUpDone = await person("WalkUpDone");
    for (const p of [walkUp, walkUpDone]) {
      await prisma.activity.create({ data: { eventId: event.id, type: "lead.captured", description: `Met ${p.name}`, actorId: me.id, personId: p.id, accountId: p.accountId, createdAt: new Date(now.getTime() - DAY) } });
    }
    await meeting(walkUpDone, { scheduledAt: new Date(now.getTime() + 20 * DAY) });

    const day = await getMyDay(me.id, event, now);
    expect(day.replies.map((r) => r.person.name)).toEqual(["Waiting X"]);
    expect(day.followUps.map((m) => [m.person.name, m.nextStep])).toEqual([["Met X", "Send the ROI"]]);
    expect(day.hotAccounts.map((h) => [h.account.name, h.opens, h.clicks])).toEqual([["Hot Co", 2, 1]]);
    expect(day.meetings.map((m) => m.person.name)).toEqual(["Upcoming X"]);
    expect(day.walkUps.map((w) => w.person.name)).toEqual(["WalkUp X"]);

    const theirs = await getMyDay(other.id, event, now);
    expect(theirs.replies.map((r) => r.person.name)).toEqual(["NotMine X"]);
    expect(theirs.hotAccounts).toEqual([]);
  });

  it("the feed shows my accounts and people by default; the team's with the toggle", async () => {
    const event = await createEvent({ name: "Feed Expo" });
    const me = await createUser({ name: "Feed Me" });
    const other = await createUser({ name: "Feed Other" });
    const mine = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Mine Co", normalizedName: "mine co", assignedToId: me.id } });
    const theirs = await prisma.targetAccount.create({ data: { eventId: event.id, name: "Theirs Co", normalizedName: "theirs co", assignedToId: other.id } });
    await prisma.activity.create({ data: { eventId: event.id, type: "outreach.replied", description: "Reply on my account", accountId: mine.id } });
    await prisma.activity.create({ data: { eventId: event.id, type: "outreach.sent", description: "Other rep's email", actorId: other.id, accountId: theirs.id } });
    await prisma.activity.create({ data: { eventId: event.id, type: "template.created", description: "I made a template", actorId: me.id } });
    expect((await listRecentFeed(event.id, 12, prisma, { mineFor: me.id })).map((a) => a.description).sort()).toEqual(["I made a template", "Reply on my account"]);
    expect(await listRecentFeed(event.id, 12)).toHaveLength(3);
  });

  // A rep who owns 3 records and one who owns 227, their activities in shuffled time order with
  // ties: each rep's feed must be the rows read from the whole log (activity/feed.ts).
  it("the rep's feed is the same rows whether they own a few records or hundreds", async () => {
    const event = await createEvent({ name: "Feed Scale Expo" });
    const few = await createUser({ name: "Few Records" });
    const many = await createUser({ name: "Many Records" });
    const other = await createUser({ name: "Someone Else" });
    const base = Date.parse("2026-03-01T12:00:00Z");
    const accounts = await prisma.targetAccount.createManyAndReturn({
      data: Array.from({ length: 240 }, (_, i) => ({ eventId: event.id, name: `Scale ${i}`, normalizedName: `scale ${i}`, assignedToId: i < 3 ? few.id : i < 230 ? many.id : other.id })),
      select: { id: true, assignedToId: true },
    });
    const person = await prisma.person.create({ data: { eventId: event.id, firstName: "Pat", name: "Pat Few", assignedToId: few.id } });
    // Activities in a fixed, shuffled order of time, some sharing a timestamp (the id breaks ties).
    const rows = Array.from({ length: 600 }, (_, i) => {
      const account = accounts[(i * 37) % accounts.length]!;
      return {
        eventId: event.id, type: "note.added", description: `scale ${i}`,
        createdAt: new Date(base + ((i * 7919) % 600) * 60_000 - (i % 5 === 0 ? 60_000 : 0)),
        accountId: i % 11 === 0 ? null : account.id,
        personId: i % 13 === 0 ? person.id : null,
        actorId: i % 17 === 0 ? few.id : i % 3 === 0 ? other.id : null,
      };
    });
    await prisma.activity.createMany({ data: rows });
    const expected = async (userId: string) =>
      (await prisma.activity.findMany({
        where: { eventId: event.id, OR: [{ actorId: userId }, { account: { assignedToId: userId } }, { person: { assignedToId: userId } }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 12, select: { id: true },
      })).map((a) => a.id);
    for (const user of [few, many]) {
      const feed = (await listRecentFeed(event.id, 12, prisma, { mineFor: user.id })).map((a) => a.id);
      expect(feed, user.name ?? "").toEqual(await expected(user.id));
      expect(feed.length).toBe(12);
    }
  });

  // The rep's feed walks the rep's records by "last activity" and stops early (migration
  // 20261207180000_rep_feed_walk). It is exact only while no record's last activity is older than
  // its newest activity, which the database keeps for every writer. Random writes of every kind,
  // backdated and future times, reassignments and ties; then each rep's feed, at several page
  // sizes, must equal the answer read from the whole log.
  it("the rep's feed equals the whole log's answer after any mix of writes, and last activity is never behind", async () => {
    const [ana, ben, cy] = await Promise.all(["Walk Ana", "Walk Ben", "Walk Cy"].map((name) => createUser({ name })));
    const reps = [ana!.id, ben!.id, cy!.id];
    const owner = fc.option(fc.constantFrom(...reps), { nil: null });
    const base = Date.parse("2026-03-01T12:00:00Z");
    // Minutes from base, few enough that times repeat (the id breaks ties).
    const at = fc.integer({ min: -4, max: 4 }).map((m) => new Date(base + m * 60_000));
    const activity = fc.record({ account: fc.nat(), person: fc.option(fc.nat(), { nil: null }), actor: owner, at, withAccount: fc.boolean() });
    type ActivitySpec = typeof activity extends fc.Arbitrary<infer T> ? T : never;
    const write = fc.oneof(
      fc.record({ kind: fc.constant("one" as const), a: activity }),
      fc.record({ kind: fc.constant("batch" as const), rows: fc.array(activity, { minLength: 1, maxLength: 6 }) }),
      // Straight into the table, as a tool or a migration would, past the service.
      fc.record({ kind: fc.constant("direct" as const), rows: fc.array(activity, { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant("reassign" as const), record: fc.nat(), toPerson: fc.boolean(), owner }),
    );
    const scenario = fc.record({
      accounts: fc.array(owner, { minLength: 1, maxLength: 8 }),
      people: fc.array(fc.record({ owner, account: fc.option(fc.nat(), { nil: null }) }), { minLength: 1, maxLength: 10 }),
      writes: fc.array(write, { minLength: 1, maxLength: 25 }),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ accounts: accountOwners, people: peopleSpec, writes }) => {
        const event = await createEvent({ name: `Walk Expo ${n++}` });
        const accounts = await prisma.targetAccount.createManyAndReturn({
          data: accountOwners.map((assignedToId, i) => ({ eventId: event.id, name: `Walk ${i}`, normalizedName: `walk ${i}`, assignedToId })),
          select: { id: true },
        });
        const people = await prisma.person.createManyAndReturn({
          data: peopleSpec.map((p, i) => ({ eventId: event.id, firstName: `P${i}`, name: `P${i}`, assignedToId: p.owner, accountId: p.account === null ? null : accounts[p.account % accounts.length]!.id })),
          select: { id: true, accountId: true },
        });
        const input = (a: ActivitySpec) => {
          const person = a.person === null ? null : people[a.person % people.length]!;
          const accountId = person ? person.accountId : a.withAccount ? accounts[a.account % accounts.length]!.id : null;
          return { eventId: event.id, type: "note.added" as const, description: "walk", actorId: a.actor, personId: person?.id ?? null, accountId, occurredAt: a.at };
        };
        for (const w of writes) {
          if (w.kind === "one") await recordActivity(input(w.a));
          else if (w.kind === "batch") await recordActivities(w.rows.map(input));
          else if (w.kind === "direct") await prisma.activity.createMany({ data: w.rows.map(input).map(({ occurredAt, ...row }) => ({ ...row, createdAt: occurredAt })) });
          else if (w.toPerson) await prisma.person.update({ where: { id: people[w.record % people.length]!.id }, data: { assignedToId: w.owner } });
          else await prisma.targetAccount.update({ where: { id: accounts[w.record % accounts.length]!.id }, data: { assignedToId: w.owner } });
        }
        const behind = await prisma.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM activities t
          LEFT JOIN target_accounts a ON a.id = t."accountId" LEFT JOIN people p ON p.id = t."personId"
          WHERE t."eventId" = ${event.id} AND ((a.id IS NOT NULL AND (a."lastActivityAt" IS NULL OR a."lastActivityAt" < t."createdAt"))
            OR (p.id IS NOT NULL AND (p."lastActivityAt" IS NULL OR p."lastActivityAt" < t."createdAt")))`;
        expect(behind[0]!.n, "a record's last activity is older than one of its activities").toBe(0);
        for (const userId of reps) {
          for (const size of [1, 5, 12]) {
            const expected = await prisma.activity.findMany({
              where: { eventId: event.id, OR: [{ actorId: userId }, { account: { assignedToId: userId } }, { person: { assignedToId: userId } }] },
              orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: size, select: { id: true },
            });
            const feed = await listRecentFeed(event.id, size, prisma, { mineFor: userId });
            expect(feed.map((a) => a.id)).toEqual(expected.map((a) => a.id));
          }
        }
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});
