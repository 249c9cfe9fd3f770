/**
 * The pure half of the seed: options in, rows out. No database, no clock (the caller passes
 * `now`), no Math.random — the same options always give the same Dataset.
 *
 * Two events are filled: Manifest 2026 (the demo, sized by `scale`) and a smaller Manifest 2025
 * for the event switcher, whose data is "as of" two weeks after it ended.
 */
import { DEMO_TEAM } from "../../src/lib/demo-team";
import { DAY_MS, HOUR_MS, IdFactory, buildTeam, type EventContext } from "./context";
import { generateAccounts, generateDossiers, generatePeople } from "./gen-accounts";
import { generateActivities } from "./gen-activities";
import { generateMeetings } from "./gen-meetings";
import { generateOutreach, generatePlaybook, type Playbook } from "./gen-outreach";
import { Rng } from "./random";
import { EVENT_TIME_ZONE, dateOnly, planTimeline, type EventPlan, type Timeline } from "./timeline";
import type { AvailabilityRow, Dataset, EventRow, SeedScale, SuppressionRow, UserRow } from "./types";

export interface EventTargets {
  accounts: number;
  people: number;
  /** Exact number of outreach rows (sequence steps included). */
  outreach: number;
  /** Minimum number of activities: derived ones first, everyday edits fill the rest. */
  activities: number;
  enrollments: number;
}

export const SCALE_TARGETS: Readonly<Record<SeedScale, EventTargets>> = {
  demo: { accounts: 150, people: 600, outreach: 900, activities: 2000, enrollments: 60 },
  medium: { accounts: 1000, people: 5000, outreach: 20000, activities: 40000, enrollments: 400 },
  large: { accounts: 5000, people: 25000, outreach: 100000, activities: 200000, enrollments: 2000 },
};

/** Manifest 2025 is the same size at both scales: it only has to exist and look real. */
export const PAST_EVENT_TARGETS: EventTargets = { accounts: 30, people: 100, outreach: 150, activities: 400, enrollments: 0 };

export const DEFAULT_SEED = 20260209;

export interface GenerateOptions {
  scale: SeedScale;
  now: Date;
  /** PRNG seed; change it for a different but equally deterministic world. */
  seed?: number;
}

export interface GeneratedSeed {
  data: Dataset;
  timeline: Timeline;
}

const USER_TIME_ZONES = ["America/Chicago", "America/Los_Angeles", "America/New_York", "America/Denver"];

function buildUsers(ids: IdFactory, now: Date): UserRow[] {
  const createdAt = new Date(now.getTime() - 120 * DAY_MS);
  return DEMO_TEAM.map((member, i) => ({
    id: ids.next("user"),
    name: member.name,
    email: member.email,
    emailVerified: new Date(createdAt.getTime() + HOUR_MS),
    role: member.role,
    title: member.title,
    signature: `${member.name}\n${member.title}`,
    timeZone: USER_TIME_ZONES[i % USER_TIME_ZONES.length]!,
    lastEventId: null,
    bookingSlug: member.name.split(" ")[0]!.toLowerCase(),
    createdAt,
    updatedAt: createdAt,
  }));
}

/**
 * Every rep takes booth meetings on every show day, 9:00–12:00 and 13:00–17:00 at the show (the
 * admin works the floor, not the booth table), so the public booking page has times to offer.
 */
function buildAvailability(ids: IdFactory, users: UserRow[], event: EventRow, createdAt: Date): AvailabilityRow[] {
  const rows: AvailabilityRow[] = [];
  const last = event.endDate.toISOString().slice(0, 10);
  for (const user of users.filter((u) => u.role === "REP")) {
    for (let d = event.startDate.toISOString().slice(0, 10); d <= last; d = new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)) {
      for (const [startMinute, endMinute] of [[9 * 60, 12 * 60], [13 * 60, 17 * 60]] as const) {
        rows.push({ id: ids.next("avwn"), userId: user.id, eventId: event.id, day: d, startMinute, endMinute, createdAt });
      }
    }
  }
  return rows;
}

function buildEvent(ids: IdFactory, plan: EventPlan, booth: string, createdAt: Date): EventRow {
  return {
    id: ids.next("evnt"),
    name: plan.name,
    slug: plan.slug,
    startDate: dateOnly(plan.startDate),
    endDate: dateOnly(plan.endDate),
    venue: "Venetian Expo",
    city: "Las Vegas, NV",
    timeZone: EVENT_TIME_ZONE,
    boothNumber: booth,
    description:
      "Manifest: The Future of Logistics. Three days of supply-chain technology, carriers, shippers and " +
      "investors at the Venetian Expo, Las Vegas. Our goal: booth demos of yard visibility and gate automation " +
      "with operations leaders from our target accounts.",
    createdAt,
    updatedAt: createdAt,
  };
}

interface EventData {
  accounts: Dataset["accounts"];
  people: Dataset["people"];
  dossiers: Dataset["dossiers"];
  insights: Dataset["insights"];
  enrollments: Dataset["enrollments"];
  outreach: Dataset["outreach"];
  emailEvents: Dataset["emailEvents"];
  meetings: Dataset["meetings"];
  activities: Dataset["activities"];
}

function generateEventData(ctx: EventContext, targets: EventTargets, playbook: Playbook | null): EventData {
  const accounts = generateAccounts(ctx, targets.accounts);
  const people = generatePeople(ctx, accounts, targets.people);
  const { dossiers, insights } = generateDossiers(ctx, accounts);
  const { outreach, emailEvents, enrollments } = generateOutreach(ctx, people, playbook, targets);
  const meetings = generateMeetings(ctx, accounts);
  const activities = generateActivities(
    ctx,
    { accounts, people, dossiers, outreach, meetings, enrollments, sequence: playbook?.sequence ?? null },
    targets.activities,
  );
  return {
    accounts: accounts.map((a) => a.row),
    people: people.map((p) => p.row),
    dossiers,
    insights,
    enrollments,
    outreach,
    emailEvents,
    meetings,
    activities,
  };
}

/**
 * Bounced and unsubscribed addresses from the outreach history, one spam report, and a couple
 * of manual blocks (existing customers that account management handles). An enrollment still
 * running for a suppressed address is stopped, as the sequence runner would.
 */
function buildSuppressions(ids: IdFactory, rng: Rng, now: Date, main: EventData, past: EventData): SuppressionRow[] {
  const rows: SuppressionRow[] = [];
  const seen = new Set<string>();
  const add = (email: string | null, row: Omit<SuppressionRow, "id" | "email">) => {
    if (!email || seen.has(email.toLowerCase())) return;
    seen.add(email.toLowerCase());
    rows.push({ id: ids.next("supp"), email: email.toLowerCase(), ...row });
  };
  for (const o of [...past.outreach, ...main.outreach]) {
    if (o.bouncedAt) add(o.toEmail, { reason: "BOUNCED", source: "bounce", note: "550 5.1.1 Recipient address rejected: User unknown", createdAt: o.bouncedAt });
    if (o.unsubscribedAt) add(o.toEmail, { reason: "UNSUBSCRIBED", source: "unsubscribe_link", note: null, createdAt: o.unsubscribedAt });
  }
  const pending = new Set(main.outreach.filter((o) => o.status !== "SENT").map((o) => o.personId));
  const enrolled = new Set(main.enrollments.map((e) => e.personId));
  const latestEmail = new Map<string, (typeof main.outreach)[number]>();
  for (const o of main.outreach) {
    if (o.channel !== "EMAIL" || o.status !== "SENT" || o.bouncedAt || !o.sentAt) continue;
    const prev = latestEmail.get(o.personId);
    if (!prev || prev.sentAt! < o.sentAt) latestEmail.set(o.personId, o);
  }
  const spamCandidates = [...latestEmail.values()].filter((o) => !pending.has(o.personId) && !enrolled.has(o.personId) && o.openedAt && !o.repliedAt);
  if (spamCandidates.length > 0) {
    const o = rng.pick(spamCandidates);
    add(o.toEmail, { reason: "SPAM_REPORT", source: "webhook", note: "Marked as spam by the recipient", createdAt: new Date(o.openedAt!.getTime() + 2 * 60_000) });
  }
  const wonAccounts = new Set(main.accounts.filter((a) => a.status === "WON").map((a) => a.id));
  const manual = main.people.filter((p) => p.email && p.accountId && wonAccounts.has(p.accountId) && !pending.has(p.id) && !enrolled.has(p.id));
  for (const p of rng.sample(manual, 2)) {
    add(p.email, {
      reason: "MANUAL",
      source: "admin",
      note: "Existing customer: account management owns all contact",
      createdAt: new Date(Math.min(p.updatedAt.getTime() + HOUR_MS, now.getTime() - HOUR_MS)),
    });
  }

  const suppressedPeople = new Set(main.people.filter((p) => p.email && seen.has(p.email.toLowerCase())).map((p) => p.id));
  for (const e of main.enrollments) {
    if ((e.status === "ACTIVE" || e.status === "PAUSED") && suppressedPeople.has(e.personId)) {
      e.status = "STOPPED";
      e.stopReason = "Address suppressed";
      e.nextStepAt = null;
      e.stoppedAt = e.updatedAt;
    }
  }
  return rows;
}

export function generateDataset(options: GenerateOptions): GeneratedSeed {
  const { now } = options;
  const timeline = planTimeline(now);
  const root = new Rng(options.seed ?? DEFAULT_SEED);
  const ids = new IdFactory();
  const users = buildUsers(ids, now);
  const team = buildTeam(users);
  const mainEvent = buildEvent(ids, timeline.main, "2417", new Date(now.getTime() - 70 * DAY_MS));
  const pastEvent = buildEvent(ids, timeline.past, "1834", new Date(timeline.pastAsOf.getTime() - 90 * DAY_MS));
  for (const u of users) u.lastEventId = mainEvent.id;

  const mainCtx: EventContext = { rng: root.fork("main"), ids, event: mainEvent, plan: timeline.main, asOf: now, team, isMain: true };
  const pastCtx: EventContext = { rng: root.fork("past"), ids, event: pastEvent, plan: timeline.past, asOf: timeline.pastAsOf, team, isMain: false };
  const playbook = generatePlaybook(mainCtx);
  const main = generateEventData(mainCtx, SCALE_TARGETS[options.scale], playbook);
  const past = generateEventData(pastCtx, PAST_EVENT_TARGETS, null);
  const suppressions = buildSuppressions(ids, root.fork("suppressions"), now, main, past);

  const data: Dataset = {
    users,
    events: [mainEvent, pastEvent],
    accounts: [...main.accounts, ...past.accounts],
    people: [...main.people, ...past.people],
    dossiers: [...main.dossiers, ...past.dossiers],
    insights: [...main.insights, ...past.insights],
    templates: playbook.templates,
    campaigns: playbook.campaigns,
    sequences: [playbook.sequence],
    sequenceSteps: playbook.steps,
    enrollments: main.enrollments,
    outreach: [...main.outreach, ...past.outreach],
    emailEvents: [...main.emailEvents, ...past.emailEvents],
    meetings: [...main.meetings, ...past.meetings],
    suppressions,
    activities: [...main.activities, ...past.activities],
    availability: buildAvailability(ids, users, mainEvent, mainEvent.createdAt),
  };
  return { data, timeline };
}
