// The demo seed's pure generator: determinism, persona rules, names, tiers and the story the
// dates tell. No database: prisma/seed/generate.ts builds plain rows.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_EVENT_SLUG, DEMO_TEAM } from "../../src/lib/demo-team";
import { generateDataset, PAST_EVENT_TARGETS, SCALE_TARGETS, type GeneratedSeed } from "../../prisma/seed/generate";
import { classifyTitle, seniorityFromTitle, TIER_BANDS, tierForScore } from "../../src/lib/personas";
import { Rng, WeightedPicker } from "../../prisma/seed/random";
import { domainFromName, normalizeName, renderMergeFields } from "../../prisma/seed/text";
import { MANIFEST_2026, planTimeline, weekdayOf, zonedTime } from "../../prisma/seed/timeline";
import { TITLES } from "../../prisma/seed/catalog";
import type { Dataset } from "../../prisma/seed/types";

const NOW = new Date("2026-01-20T17:00:00Z"); // three weeks before the real show
const DAY = 86_400_000;

let seed: GeneratedSeed;
let data: Dataset;
let mainEventId: string;

beforeAll(() => {
  seed = generateDataset({ scale: "demo", now: NOW });
  data = seed.data;
  mainEventId = data.events.find((e) => e.slug === DEMO_EVENT_SLUG)!.id;
});

const ofMain = <T extends { eventId: string | null }>(rows: T[]) => rows.filter((r) => r.eventId === mainEventId);

describe("determinism", () => {
  it("produces identical data for the same scale, now and seed", () => {
    expect(generateDataset({ scale: "demo", now: NOW })).toEqual(seed);
  });

  it("produces different data for another PRNG seed", () => {
    const other = generateDataset({ scale: "demo", now: NOW, seed: 7 }).data;
    expect(other.accounts.map((a) => a.name)).not.toEqual(data.accounts.map((a) => a.name));
  });

  it("Rng streams are reproducible and forks are independent of consumption", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect([a.float(), a.float(), a.int(1, 6)]).toEqual([b.float(), b.float(), b.int(1, 6)]);
    const fresh = new Rng(42).fork("x").float();
    const used = new Rng(42);
    used.float();
    expect(used.fork("x").float()).toBe(fresh);
  });

  it("WeightedPicker never picks zero-weight items", () => {
    const picker = new WeightedPicker(["a", "b", "c"], (x) => (x === "b" ? 0 : 1));
    const rng = new Rng(1);
    const picks = new Set(Array.from({ length: 500 }, () => picker.pick(rng)));
    expect(picks).toEqual(new Set(["a", "c"]));
  });
});

describe("volumes", () => {
  it("hits the demo targets for Manifest 2026 exactly", () => {
    const t = SCALE_TARGETS.demo;
    expect(ofMain(data.accounts)).toHaveLength(t.accounts);
    expect(ofMain(data.people)).toHaveLength(t.people);
    expect(ofMain(data.outreach)).toHaveLength(t.outreach);
    expect(ofMain(data.activities).length).toBeGreaterThanOrEqual(t.activities);
    expect(data.enrollments).toHaveLength(t.enrollments);
  });

  it("seeds the demo team, both events and a smaller past event", () => {
    expect(data.users.map((u) => [u.email, u.role])).toEqual(DEMO_TEAM.map((m) => [m.email, m.role]));
    expect(data.users.every((u) => u.emailVerified instanceof Date && u.lastEventId === mainEventId)).toBe(true);
    expect(data.events.map((e) => e.name)).toEqual(["Manifest 2026", "Manifest 2025"]);
    const past = data.events[1]!;
    expect(data.accounts.filter((a) => a.eventId === past.id)).toHaveLength(PAST_EVENT_TARGETS.accounts);
  });

  it("researches roughly 60% of accounts and gives their people talking points", () => {
    const accounts = ofMain(data.accounts);
    const researched = new Set(data.dossiers.map((d) => d.accountId));
    const share = accounts.filter((a) => researched.has(a.id)).length / accounts.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.72);
    const people = new Map(data.people.map((p) => [p.id, p]));
    for (const insight of data.insights) {
      expect(researched.has(people.get(insight.personId!)!.accountId!)).toBe(true);
    }
    for (const d of data.dossiers) {
      expect(d.provider).toBe("seed");
      expect(d.painPoints!.length).toBeGreaterThanOrEqual(2);
      expect(d.painPoints!.every((p) => typeof p === "string")).toBe(true);
    }
  });
});

describe("persona flags from titles", () => {
  it.each([
    ["VP Logistics", { isExecOps: true, isOps: false, seniority: "VP" }],
    ["Chief Operating Officer", { isExecOps: true, isOps: false, seniority: "C-Suite" }],
    ["Vice President, Supply Chain", { isExecOps: true, seniority: "VP" }],
    ["Director of Transportation", { isOps: true, isExecOps: false, seniority: "Director" }],
    ["Yard Manager", { isOps: true, seniority: "Manager" }],
    ["Distribution Center GM", { isOps: true, seniority: "Director" }],
    ["Shipping & Receiving Manager", { isOps: true, seniority: "Manager" }],
    ["CIO", { isTech: true, isNonOps: true, isOps: false, seniority: "C-Suite" }],
    ["Director of Supply Chain Systems", { isTech: true, isOps: false, isNonOps: true }],
    ["Procurement Manager", { isProc: true, isNonOps: true, seniority: "Manager" }],
    ["VP Procurement", { isProc: true, isExecOps: false, seniority: "VP" }],
    ["VP Sales", { isSales: true, isNonOps: true }],
    ["CFO", { isNonOps: true, isTech: false, isProc: false, isSales: false, isOps: false, isExecOps: false }],
    ["Transportation Planner", { isOps: true, seniority: "Individual Contributor" }],
  ] as const)("%s", (title, expected) => {
    expect(classifyTitle(title)).toMatchObject(expected);
  });

  it("keeps the ops personas exclusive and isNonOps their complement, for every catalogue title", () => {
    for (const [title] of TITLES) {
      const p = classifyTitle(title);
      expect(p.isExecOps && p.isOps, title).toBe(false);
      expect(p.isNonOps, title).toBe(!p.isExecOps && !p.isOps);
    }
  });

  it("reads 'Vice President' as VP, not as a president", () => {
    expect(seniorityFromTitle("Vice President of Operations")).toBe("VP");
    expect(seniorityFromTitle("President")).toBe("C-Suite");
  });

  it("stores on every person exactly the flags their title implies", () => {
    for (const person of data.people) {
      const p = classifyTitle(person.title);
      expect(person).toMatchObject({
        isExecOps: p.isExecOps,
        isOps: p.isOps,
        isProc: p.isProc,
        isSales: p.isSales,
        isTech: p.isTech,
        isNonOps: p.isNonOps,
        seniority: p.seniority,
      });
    }
  });

  it("gives every account at least one operations contact", () => {
    const opsAccounts = new Set(data.people.filter((p) => p.isOps || p.isExecOps).map((p) => p.accountId));
    expect(data.accounts.every((a) => opsAccounts.has(a.id))).toBe(true);
  });
});

describe("company names", () => {
  it.each([
    ["Acme Foods, Inc.", "acme foods"],
    ["Harmon Logistics LLC", "harmon logistics"],
    ["Harmon Logistics L.L.C.", "harmon logistics"],
    ["Tri-State Freight Co.", "tri state freight"],
    ["Mercer & Vance Group", "mercer vance"],
    ["Northstar Supply Corp", "northstar supply"],
    ["Keystone Brands Ltd.", "keystone brands"],
    ["Nestlé Waters", "nestle waters"],
    ["O'Connor Distribution Company", "oconnor distribution"],
    ["Acme Group Inc", "acme"],
    ["Group", "group"],
  ])("normalizeName(%j) = %j", (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it("derives domains from the normalised name", () => {
    expect(domainFromName("Blue Ridge Foods, Inc.")).toBe("blueridgefoods.com");
  });

  it("stores normalizedName consistently and keeps names and domains unique per event", () => {
    for (const event of data.events) {
      const accounts = data.accounts.filter((a) => a.eventId === event.id);
      expect(new Set(accounts.map((a) => a.normalizedName)).size).toBe(accounts.length);
      expect(new Set(accounts.map((a) => a.domain)).size).toBe(accounts.length);
    }
    for (const a of data.accounts) {
      expect(a.normalizedName).toBe(normalizeName(a.name));
      expect(a.website).toBe(`https://www.${a.domain}`);
      expect(a.revenue).toBeTypeOf("bigint");
    }
  });

  it("gives people emails at their account's domain, unique per event", () => {
    const domains = new Map(data.accounts.map((a) => [a.id, a.domain]));
    for (const event of data.events) {
      const emails = data.people.filter((p) => p.eventId === event.id && p.email).map((p) => p.email!);
      expect(new Set(emails).size).toBe(emails.length);
    }
    for (const p of data.people) {
      if (p.email) expect(p.email.endsWith(`@${domains.get(p.accountId!)}`)).toBe(true);
      expect(p.name).toBe(`${p.firstName} ${p.lastName}`);
    }
    expect(data.people.some((p) => p.email === null)).toBe(true);
  });
});

describe("tiers and scores", () => {
  it("maps score bands to tiers at the boundaries", () => {
    expect([100, 80, 79, 60, 59, 40, 39, 0].map(tierForScore)).toEqual(["A", "A", "B", "B", "C", "C", "D", "D"]);
    for (const [tier, [lo, hi]] of Object.entries(TIER_BANDS)) {
      expect(tierForScore(lo)).toBe(tier);
      expect(tierForScore(hi)).toBe(tier);
    }
  });

  it("keeps every account's tier consistent with its score and the breakdown summing to it", () => {
    for (const a of data.accounts) {
      expect(a.tier, a.name).toBe(tierForScore(a.icpScore));
      const parts = Object.values(a.icpBreakdown!) as number[];
      expect(parts.reduce((s, n) => s + n, 0)).toBe(a.icpScore);
    }
  });

  it("uses all tiers and statuses, weighted towards the long tail", () => {
    const accounts = ofMain(data.accounts);
    const count = (f: (a: (typeof accounts)[number]) => boolean) => accounts.filter(f).length;
    expect(count((a) => a.tier === "A")).toBeLessThan(count((a) => a.tier === "C"));
    for (const s of ["PROSPECTING", "ENGAGED", "MEETING_SCHEDULED", "WON", "LOST"]) {
      expect(count((a) => a.status === s), s).toBeGreaterThan(0);
    }
    // Bigger tiers are bigger companies.
    const median = (tier: string) => {
      const sizes = accounts.filter((a) => a.tier === tier).map((a) => a.employeeCount).sort((x, y) => x - y);
      return sizes[Math.floor(sizes.length / 2)]!;
    };
    expect(median("A")).toBeGreaterThan(median("D"));
  });
});

describe("timeline", () => {
  it("keeps the real Manifest 2026 dates until the show is over in Las Vegas", () => {
    expect(planTimeline(NOW).main).toMatchObject({ startDate: MANIFEST_2026.start, endDate: MANIFEST_2026.end, relocated: false });
    const lastMinute = new Date(zonedTime("2026-02-11", 23, 59, "America/Los_Angeles").getTime());
    expect(planTimeline(lastMinute).main.relocated).toBe(false);
  });

  it("moves the show to a Monday about three weeks ahead once it is over", () => {
    for (const now of ["2026-02-12T08:00:00Z", "2026-11-27T17:00:00Z", "2027-07-04T12:00:00Z"]) {
      const { main, past } = planTimeline(new Date(now));
      expect(main.relocated).toBe(true);
      expect(weekdayOf(main.startDate)).toBe(1);
      const ahead = (Date.parse(`${main.startDate}T12:00:00Z`) - Date.parse(now)) / DAY;
      expect(ahead).toBeGreaterThan(17);
      expect(ahead).toBeLessThan(25);
      expect(main.days).toHaveLength(3);
      expect(past.startDate).toBe("2025-02-10");
    }
  });

  it("dates everything at or before now, except what is scheduled", () => {
    const now = NOW.getTime();
    const stamps = [
      ...data.activities.map((a) => a.createdAt),
      ...data.outreach.flatMap((o) => [o.createdAt, o.sentAt, o.openedAt, o.clickedAt, o.repliedAt, o.bouncedAt, o.queuedAt]),
      ...data.emailEvents.map((e) => e.occurredAt),
      ...data.meetings.map((m) => m.createdAt),
      ...data.accounts.map((a) => a.updatedAt),
      ...data.enrollments.flatMap((e) => [e.enrolledAt, e.lastStepAt, e.updatedAt]),
      ...data.dossiers.map((d) => d.researchedAt),
      ...data.insights.map((i) => i.createdAt),
      ...data.suppressions.map((s) => s.createdAt),
    ];
    expect(stamps.filter((d) => d && d.getTime() > now)).toEqual([]);
  });

  it("sends outreach over the six weeks before now with realistic engagement", () => {
    const sent = ofMain(data.outreach).filter((o) => o.channel === "EMAIL" && o.status === "SENT");
    expect(Math.min(...sent.map((o) => o.sentAt!.getTime()))).toBeGreaterThanOrEqual(now6WeeksAgo());
    const rate = (f: (o: (typeof sent)[number]) => unknown) => sent.filter(f).length / sent.length;
    expect(rate((o) => o.openedAt)).toBeGreaterThan(0.35);
    expect(rate((o) => o.openedAt)).toBeLessThan(0.55);
    expect(rate((o) => o.clickedAt)).toBeGreaterThan(0.07);
    expect(rate((o) => o.clickedAt)).toBeLessThan(0.18);
    expect(rate((o) => o.repliedAt)).toBeGreaterThan(0.04);
    expect(rate((o) => o.repliedAt)).toBeLessThan(0.13);
    expect(rate((o) => o.bouncedAt)).toBeLessThan(0.05);
    for (const o of sent) {
      if (o.openedAt) expect(o.openedAt.getTime()).toBeGreaterThanOrEqual(o.sentAt!.getTime());
      if (o.clickedAt) expect(o.clickedAt.getTime()).toBeGreaterThanOrEqual(o.openedAt!.getTime());
      if (o.bouncedAt) expect(o.openedAt).toBeNull();
    }
  });

  it("books meetings during show hours on the show days, none done yet three weeks out", () => {
    const meetings = ofMain(data.meetings);
    expect(meetings.length).toBeGreaterThan(50);
    expect(meetings.length).toBeLessThan(110);
    const days = new Set(seed.timeline.main.days);
    for (const m of meetings) {
      const local = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(m.scheduledAt);
      const [date, time] = local.split(", ");
      expect(days.has(date!)).toBe(true);
      const [h, min] = time!.split(":").map(Number) as [number, number];
      expect(h * 60 + min).toBeGreaterThanOrEqual(9 * 60);
      expect(h * 60 + min + m.durationMinutes).toBeLessThanOrEqual(17 * 60);
      expect(["SCHEDULED", "CANCELLED"]).toContain(m.status);
    }
    expect(new Set(data.meetings.map((m) => m.icsUid)).size).toBe(data.meetings.length);
  });

  it("marks meetings done once they are over (during the show)", () => {
    const live = generateDataset({ scale: "demo", now: new Date("2026-02-10T21:00:00Z") }).data;
    const main = live.meetings.filter((m) => m.eventId === live.events[0]!.id);
    const cutoff = Date.parse("2026-02-10T21:00:00Z");
    for (const m of main) {
      const over = m.scheduledAt.getTime() + m.durationMinutes * 60_000 <= cutoff;
      expect(over ? ["COMPLETED", "NO_SHOW", "CANCELLED"] : ["SCHEDULED", "CANCELLED"]).toContain(m.status);
    }
    expect(main.some((m) => m.status === "COMPLETED")).toBe(true);
    expect(main.some((m) => m.status === "SCHEDULED")).toBe(true);
  });
});

function now6WeeksAgo(): number {
  return NOW.getTime() - 42 * DAY;
}

describe("consistency", () => {
  it("uses unique ids everywhere and only points at rows that exist", () => {
    const all = Object.values(data).flat() as { id: string }[];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const users = ids(data.users);
    const people = ids(data.people);
    const accounts = ids(data.accounts);
    const outreach = ids(data.outreach);
    const nullableIn = (set: Set<string>, v: string | null) => v === null || set.has(v);
    for (const p of data.people) expect(nullableIn(accounts, p.accountId) && nullableIn(users, p.assignedToId)).toBe(true);
    for (const o of data.outreach) expect(people.has(o.personId) && nullableIn(accounts, o.accountId) && nullableIn(users, o.ownerId)).toBe(true);
    for (const e of data.emailEvents) expect(outreach.has(e.outreachId)).toBe(true);
    for (const a of data.activities) {
      expect(nullableIn(people, a.personId) && nullableIn(accounts, a.accountId) && nullableIn(users, a.actorId)).toBe(true);
    }
    const messageIds = data.outreach.flatMap((o) => (o.messageId ? [o.messageId] : []));
    expect(new Set(messageIds).size).toBe(messageIds.length);
  });

  it("sets lastActivityAt to each account's and person's newest activity", () => {
    const latest = new Map<string, number>();
    for (const a of data.activities) {
      for (const key of [a.accountId, a.personId]) {
        if (key) latest.set(key, Math.max(latest.get(key) ?? 0, a.createdAt.getTime()));
      }
    }
    for (const row of [...data.accounts, ...data.people]) {
      expect(row.lastActivityAt?.getTime() ?? null).toBe(latest.get(row.id) ?? null);
    }
  });

  it("keeps sequence enrollments in step with their outreach", () => {
    const steps = new Map(data.sequenceSteps.map((s) => [s.id, s]));
    expect([...steps.values()].map((s) => [s.order, s.delayDays])).toEqual([[1, 0], [2, 3], [3, 7]]);
    for (const e of data.enrollments) {
      const sent = data.outreach.filter((o) => o.enrollmentId === e.id);
      expect(sent.map((o) => o.stepNumber).sort()).toEqual(Array.from({ length: e.currentStep }, (_, i) => i + 1));
      if (e.status === "ACTIVE") expect(e.nextStepAt!.getTime()).toBeGreaterThan(NOW.getTime());
      if (e.status === "REPLIED") expect(sent.some((o) => o.repliedAt)).toBe(true);
      if (e.status === "FAILED") expect(sent[0]!.bouncedAt).not.toBeNull();
    }
    expect(new Set(data.enrollments.map((e) => e.status)).size).toBeGreaterThanOrEqual(5);
  });

  it("suppresses bounced addresses and never emails them afterwards", () => {
    const bounced = data.outreach.filter((o) => o.bouncedAt).map((o) => o.toEmail!.toLowerCase());
    const suppressed = new Map(data.suppressions.map((s) => [s.email, s]));
    for (const email of bounced) expect(suppressed.get(email)?.reason).toBe("BOUNCED");
    for (const o of data.outreach) {
      const s = o.toEmail ? suppressed.get(o.toEmail.toLowerCase()) : undefined;
      // Drafts written before the address was suppressed may remain; nothing is sent after.
      if (s && o.sentAt) expect(o.sentAt.getTime()).toBeLessThanOrEqual(s.createdAt.getTime());
    }
  });

  it("renders merge fields in seeded messages and keeps them in templates", () => {
    const bodies = data.templates.map((t) => `${t.subject ?? ""} ${t.body}`).join("\n");
    for (const field of ["person.firstName", "account.name", "dossier.painPoint", "sender.name", "event.name"]) {
      expect(bodies).toContain(`{{${field}}}`);
    }
    for (const o of data.outreach) expect(`${o.subject ?? ""}${o.message}`).not.toMatch(/\{\{|\}\}/);
    expect(renderMergeFields("Hi {{ person.firstName }} {{unknown}}!", { "person.firstName": "Dana" })).toBe("Hi Dana !");
  });
});
