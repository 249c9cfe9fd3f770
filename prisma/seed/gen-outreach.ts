/**
 * Templates, campaigns, the pre-show sequence, outreach history and email tracking events.
 *
 * Rules that keep the history believable:
 * - One-off outreach is simulated in time order, so a bounced or unsubscribed address gets no
 *   further email (the rep switches to LinkedIn or a call, or writes to someone else).
 * - ~2% of one-off email hard-bounces, always the first email to that address; a FAILED
 *   enrollment is one whose first step bounced. Bounced addresses are suppressed.
 * - Replies are rare at accounts still in PROSPECTING and common where the status says the
 *   account engaged; opens and clicks follow industry-typical rates (~45% / ~12% of sent email).
 * - The sequence's step delays count from the previous step (0, 3, 7 days): step 2 goes out
 *   three days after step 1, step 3 seven days after step 2. Enrollment states are consistent
 *   with those times relative to `asOf` (an ACTIVE enrollment's next step is in the future).
 * - Nothing is timestamped after `asOf`, except what is scheduled (QUEUED sends).
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, between, delayedWithin, type EventContext } from "./context";
import type { AccountInfo, PersonInfo } from "./gen-accounts";
import { WeightedPicker, type Rng } from "./random";
import { renderMergeFields } from "./text";
import type {
  CampaignRow,
  EmailEventRow,
  EnrollmentRow,
  OutreachRow,
  SequenceRow,
  SequenceStepRow,
  TemplateRow,
  UserRow,
} from "./types";
import type { AccountStatus, EnrollmentStatus, OutreachChannel, OutreachStatus } from "../../src/generated/prisma/enums";

export interface Playbook {
  templates: TemplateRow[];
  byKey: Record<TemplateKey, TemplateRow>;
  campaigns: CampaignRow[];
  sequence: SequenceRow;
  steps: SequenceStepRow[];
}

type TemplateKey = "invite" | "painOpener" | "followUp" | "lastCall" | "linkedin" | "thanks";

const TEMPLATE_DEFS: readonly { key: TemplateKey; name: string; channel: OutreachChannel; subject: string | null; body: string }[] = [
  {
    key: "invite",
    name: "Manifest meeting invite",
    channel: "EMAIL",
    subject: "{{person.firstName}}, 20 minutes at {{event.name}}?",
    body: `Hi {{person.firstName}},

I noticed {{account.name}} will be at {{event.name}} in {{event.city}}. Operations teams we talk to keep telling us the same thing: {{dossier.painPoint}}.

We help teams like yours see every trailer in the yard in real time, check trucks in at the gate in under a minute, and cut detention spend, usually within the first quarter.

Would you have 20 minutes at our booth to see it live? Happy to work around your schedule.

Best,`,
  },
  {
    key: "painOpener",
    name: "Pain-point opener",
    channel: "EMAIL",
    subject: "{{account.name}} + yard visibility",
    body: `Hi {{person.firstName}},

Quick question: is this still true at {{account.name}}? {{dossier.painPoint}}.

If so, you are not alone. Our customers typically cut trailer dwell by 30% and recover detention charges they used to write off, without ripping out their WMS.

I will be at {{event.name}} in {{event.city}}, {{event.dates}}. Worth a short conversation there?

Best,`,
  },
  {
    key: "followUp",
    name: "Follow-up: booth time",
    channel: "EMAIL",
    subject: "Re: {{event.name}} at the booth",
    body: `Hi {{person.firstName}},

Following up on my note about {{event.name}}. Our calendar for the show is filling up; I held a couple of slots for {{account.name}} in case they are useful.

Reply with a time that works and I will send the invite.

Best,`,
  },
  {
    key: "lastCall",
    name: "Last call before the show",
    channel: "EMAIL",
    subject: "Last call for {{event.name}}",
    body: `Hi {{person.firstName}},

I will stop filling your inbox after this one. If yard visibility or detention is on your list this year, we would love 20 minutes with you at {{event.name}}.

If the timing is wrong, just say so and I will check back after the show.

Best,`,
  },
  {
    key: "linkedin",
    name: "LinkedIn connection note",
    channel: "LINKEDIN",
    subject: null,
    body: "Hi {{person.firstName}}, I see {{account.name}} is heading to {{event.name}}. We help ops teams get control of their yards; would be great to connect before the show. {{sender.name}}",
  },
  {
    key: "thanks",
    name: "Thanks for stopping by",
    channel: "EMAIL",
    subject: "Great to meet you at {{event.name}}",
    body: `Hi {{person.firstName}},

Thanks for the conversation at {{event.name}}. As promised, I will send over the ROI model using {{account.name}}'s numbers this week.

Best,`,
  },
];

const LINKEDIN_BODY = TEMPLATE_DEFS.find((d) => d.key === "linkedin")!.body;
const GENERIC_PAIN = "trailers wait too long between the gate and the dock";

const AI_SUBJECTS: readonly string[] = [
  "Quick question about {{account.name}}'s yard",
  "Detention spend at {{account.name}}",
  "{{person.firstName}}, coffee at {{event.name}}?",
  "Gate check-in times at {{account.name}}",
  "Idea for {{account.name}}'s peak season",
];
const AI_OPENERS: readonly string[] = [
  "I was reading up on {{account.name}} ahead of {{event.name}} and one thing stood out: {{dossier.painPoint}}.",
  "Many {{person.title}}s we meet say {{dossier.painPoint}}. I wondered if that rings true at {{account.name}}.",
  "Congrats on the growth at {{account.name}}. More volume usually means more trailers, and {{dossier.painPoint}}.",
];
const AI_CLOSERS: readonly string[] = [
  "Open to 20 minutes at our booth at {{event.name}}?",
  "Could I show you how it works at {{event.name}}? It takes 15 minutes.",
  "If it helps, I can bring a short ROI model based on your sites to {{event.name}}.",
];
/** Every opener × closer combination, composed once. */
const AI_BODIES: readonly string[] = AI_OPENERS.flatMap((opener) =>
  AI_CLOSERS.map(
    (closer) =>
      `Hi {{person.firstName}},\n\n${opener}\n\n` +
      "We give operations teams a live map of every trailer, self-service gate check-in and hostler task management, so trucks turn faster and detention drops.\n\n" +
      `${closer}\n\n{{sender.name}}`,
  ),
);
const CALL_NOTES: readonly string[] = [
  "Left a voicemail about meeting at the booth; will follow up by email.",
  "Spoke for five minutes: interested, asked for a one-pager before committing to a meeting.",
  "Gatekeeper took a message; said {{person.firstName}} is travelling this week.",
  "Connected: yard visibility is on their roadmap for next year. Sent calendar options.",
  "No answer; number goes to the main switchboard.",
];

const REPLY_RATE: Record<AccountStatus, number> = {
  PROSPECTING: 0.015,
  ENGAGED: 0.1,
  MEETING_SCHEDULED: 0.12,
  WON: 0.09,
  LOST: 0.05,
};
const OPEN_RATE_WITHOUT_REPLY = 0.4;
const CLICK_RATE_GIVEN_OPEN = 0.26;
const UNSUBSCRIBE_RATE = 0.004;
const MACHINE_OPEN_RATE = 0.15;
/** Share of sent one-off email that hard-bounces (first email to a dead address). */
const BOUNCE_RATE = 0.02;

const USER_AGENTS: readonly string[] = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
];
const BOUNCE_METADATA = { reason: "550 5.1.1 Recipient address rejected: User unknown", smtpCode: 550 };
const MACHINE_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) (Apple Mail Privacy Protection proxy)";

export function generatePlaybook(ctx: EventContext): Playbook {
  const { team, event, ids } = ctx;
  const created = new Date(ctx.asOf.getTime() - 50 * DAY_MS);
  const owners: Record<TemplateKey, UserRow> = {
    invite: team.admin,
    painOpener: team.enterprise,
    followUp: team.admin,
    lastCall: team.admin,
    linkedin: team.sdr,
    thanks: team.ae,
  };
  const templates = TEMPLATE_DEFS.map<TemplateRow>((def, i) => ({
    id: ids.next("tmpl"),
    eventId: event.id,
    ownerId: owners[def.key].id,
    name: def.name,
    channel: def.channel,
    subject: def.subject,
    body: def.body,
    createdAt: new Date(created.getTime() + i * HOUR_MS),
    updatedAt: new Date(created.getTime() + i * HOUR_MS),
  }));
  const byKey = Object.fromEntries(TEMPLATE_DEFS.map((def, i) => [def.key, templates[i]!])) as Record<TemplateKey, TemplateRow>;
  const campaigns: CampaignRow[] = [
    {
      id: ids.next("camp"),
      eventId: event.id,
      ownerId: team.enterprise.id,
      name: `${event.name} — pre-show meetings`,
      description: "Book booth demos with operations leaders at tier A and B accounts before the show.",
      createdAt: new Date(created.getTime() + 6 * HOUR_MS),
      updatedAt: new Date(created.getTime() + 6 * HOUR_MS),
    },
    {
      id: ids.next("camp"),
      eventId: event.id,
      ownerId: team.admin.id,
      name: `${event.name} — executive briefings`,
      description: "Invite VP-level supply-chain executives to a private briefing room during the show.",
      createdAt: new Date(created.getTime() + 8 * HOUR_MS),
      updatedAt: new Date(created.getTime() + 8 * HOUR_MS),
    },
  ];
  const sequence: SequenceRow = {
    id: ids.next("sequ"),
    eventId: event.id,
    ownerId: team.admin.id,
    name: "Manifest pre-show 3-touch",
    description: "Invite, follow up after 3 days, last call 7 days later. Stops on reply; pauses the account when a colleague replies.",
    status: "ACTIVE",
    pauseAccountOnReply: true,
    createdAt: new Date(created.getTime() + 10 * HOUR_MS),
    updatedAt: new Date(created.getTime() + 10 * HOUR_MS),
  };
  const stepDefs: readonly [TemplateKey, number][] = [
    ["invite", 0],
    ["followUp", 3],
    ["lastCall", 7],
  ];
  const steps = stepDefs.map<SequenceStepRow>(([key, delayDays], i) => ({
    id: ids.next("step"),
    sequenceId: sequence.id,
    order: i + 1,
    delayDays,
    businessDays: false,
    channel: "EMAIL",
    templateId: byKey[key].id,
    subject: null,
    body: null,
    createdAt: sequence.createdAt,
    updatedAt: sequence.createdAt,
  }));
  return { templates, byKey, campaigns, sequence, steps };
}

function lowerFirst(text: string): string {
  // Keep acronyms ("WMS and TMS …") as they are.
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function displayName(account: AccountInfo): string {
  return account.row.name.replace(/,? (Inc\.|LLC|Corp\.|Co\.|Group|Ltd\.)$/, "");
}

const mergeCache = new WeakMap<PersonInfo, { key: string; values: Record<string, string> }>();

/** The merge-field values for a message; cached because the large scale renders 100k of them. */
function mergeValues(person: PersonInfo, sender: UserRow, eventName: string): Record<string, string> {
  const key = `${sender.id}|${eventName}`;
  const cached = mergeCache.get(person);
  if (cached?.key === key) return cached.values;
  const values = buildMergeValues(person, sender, eventName);
  mergeCache.set(person, { key, values });
  return values;
}

function buildMergeValues(person: PersonInfo, sender: UserRow, eventName: string): Record<string, string> {
  const pain = person.account.dossier ? (person.account.painPoints[0] ?? GENERIC_PAIN) : GENERIC_PAIN;
  return {
    "person.firstName": person.row.firstName,
    "person.lastName": person.row.lastName,
    "person.name": person.row.name,
    "person.title": person.row.title,
    "account.name": displayName(person.account),
    "dossier.painPoint": lowerFirst(pain),
    "sender.name": sender.name,
    "event.name": eventName,
  };
}

type Engagement = Pick<OutreachRow, "deliveredAt" | "openedAt" | "clickedAt" | "repliedAt" | "bouncedAt" | "unsubscribedAt" | "openCount" | "clickCount" | "machineOpenCount">;

function noEngagement(): Engagement {
  return {
    deliveredAt: null,
    openedAt: null,
    clickedAt: null,
    repliedAt: null,
    bouncedAt: null,
    unsubscribedAt: null,
    openCount: 0,
    clickCount: 0,
    machineOpenCount: 0,
  };
}

/** Field by field rather than Object.assign/spread: this runs 100k times at the large scale. */
function applyEngagement(row: OutreachRow, e: Engagement): void {
  row.deliveredAt = e.deliveredAt;
  row.openedAt = e.openedAt;
  row.clickedAt = e.clickedAt;
  row.repliedAt = e.repliedAt;
  row.bouncedAt = e.bouncedAt;
  row.unsubscribedAt = e.unsubscribedAt;
  row.openCount = e.openCount;
  row.clickCount = e.clickCount;
  row.machineOpenCount = e.machineOpenCount;
}

interface EngagementMode {
  bounce: boolean;
  /** Probability of a reply, or an exact reply time decided by the caller. */
  reply: number | Date;
  allowUnsubscribe: boolean;
}

function emailEngagement(rng: Rng, sentAt: Date, asOf: Date, mode: EngagementMode): Engagement {
  const e = noEngagement();
  if (mode.bounce) {
    e.bouncedAt = delayedWithin(rng, sentAt, rng.int(3, 90) * 1000, asOf);
    return e;
  }
  e.deliveredAt = delayedWithin(rng, sentAt, rng.int(1, 30) * 1000, asOf);
  if (rng.chance(MACHINE_OPEN_RATE)) e.machineOpenCount = 1;
  if (mode.reply instanceof Date) e.repliedAt = mode.reply;
  else if (rng.chance(mode.reply)) e.repliedAt = delayedWithin(rng, sentAt, (10 + rng.exponential(18 * 60)) * MINUTE_MS, asOf);
  if (e.repliedAt) {
    // A reply means they read it first.
    e.openedAt = new Date(sentAt.getTime() + (e.repliedAt.getTime() - sentAt.getTime()) * rng.range(0.1, 0.8));
  } else if (rng.chance(OPEN_RATE_WITHOUT_REPLY)) {
    e.openedAt = delayedWithin(rng, sentAt, (1 + rng.exponential(5 * 60)) * MINUTE_MS, asOf);
  }
  if (e.openedAt) {
    e.openCount = rng.weighted([[1, 55], [2, 25], [3, 12], [4, 8]] as const);
    if (rng.chance(CLICK_RATE_GIVEN_OPEN)) {
      e.clickedAt = delayedWithin(rng, e.openedAt, (0.2 + rng.exponential(8)) * MINUTE_MS, asOf);
      e.clickCount = rng.chance(0.75) ? 1 : 2;
    }
  }
  if (mode.allowUnsubscribe && !e.repliedAt && rng.chance(UNSUBSCRIBE_RATE)) {
    e.unsubscribedAt = delayedWithin(rng, sentAt, (5 + rng.exponential(6 * 60)) * MINUTE_MS, asOf);
  }
  return e;
}

export interface OutreachOutput {
  outreach: OutreachRow[];
  emailEvents: EmailEventRow[];
  enrollments: EnrollmentRow[];
}

interface PersonState {
  emailed: boolean;
  bouncedAt: Date | null;
  unsubscribedAt: Date | null;
}

/** A send time `daysBack` days or less before asOf, in US business hours, mostly on weekdays. */
function sendTime(rng: Rng, asOf: Date, windowDays: number, notBefore: Date): Date {
  const earliest = Math.max(notBefore.getTime(), asOf.getTime() - windowDays * DAY_MS);
  // u^1.4 leans towards recent days: outreach ramps up as the show approaches.
  let t = asOf.getTime() - rng.float() ** 1.4 * (asOf.getTime() - earliest);
  const d = new Date(t);
  // 13:00–23:00 UTC is 8 am–6 pm Eastern / 5 am–3 pm Pacific: when reps send.
  d.setUTCHours(13 + rng.int(0, 9), rng.int(0, 59), rng.int(0, 59), 0);
  const dow = d.getUTCDay();
  if ((dow === 0 || dow === 6) && rng.chance(0.85)) d.setTime(d.getTime() - (dow === 6 ? 1 : 2) * DAY_MS);
  t = d.getTime();
  if (t > asOf.getTime() - 5 * MINUTE_MS || t < earliest) t = between(rng, earliest, asOf.getTime() - 5 * MINUTE_MS).getTime();
  return new Date(t);
}

export function generateOutreach(
  ctx: EventContext,
  people: PersonInfo[],
  playbook: Playbook | null,
  target: { outreach: number; enrollments: number },
): OutreachOutput {
  const rng = ctx.rng.fork("outreach");
  const { asOf, team } = ctx;
  const outreach: OutreachRow[] = [];
  const emailEvents: EmailEventRow[] = [];
  const enrollments: EnrollmentRow[] = [];
  const emailable = people.filter((p) => p.row.email);
  const ownerOf = (p: PersonInfo) => team.byId.get(p.row.assignedToId ?? "") ?? team.sdr;

  const push = (row: OutreachRow) => {
    outreach.push(row);
    if (row.channel === "EMAIL" && row.status === "SENT") emailEvents.push(...trackingEvents(ctx, rng, row));
  };

  // ── sequence enrollments (main event only) ──
  const excludedFromAdHocEmail = new Set<string>();
  // Unsubscribing would have stopped their sequence; keep the two histories consistent.
  const enrolled = new Set<string>();
  if (playbook && target.enrollments > 0) {
    for (const e of generateEnrollments(ctx, rng, playbook, emailable, target.enrollments)) {
      enrollments.push(e.enrollment);
      enrolled.add(e.enrollment.personId);
      if (e.enrollment.status === "FAILED") excludedFromAdHocEmail.add(e.enrollment.personId);
      for (const row of e.outreach) push(row);
    }
  }

  // ── one-off outreach, simulated in time order ──
  const remaining = Math.max(0, target.outreach - outreach.length);
  const statusMix: readonly (readonly [OutreachStatus, number])[] = ctx.isMain
    ? [["SENT", 86], ["DRAFT", 9], ["QUEUED", 5]]
    : [["SENT", 100]];
  const tierWeight = { A: 4, B: 3, C: 2, D: 1 } as const;
  const statusWeight: Record<AccountStatus, number> = { PROSPECTING: 0.7, ENGAGED: 1.3, MEETING_SCHEDULED: 1.5, WON: 0.8, LOST: 0.8 };
  const picker = new WeightedPicker(people, (p) => {
    const persona = p.profile.isExecOps || p.profile.isOps ? 3 : p.profile.isTech || p.profile.isProc ? 1.5 : p.profile.isSales ? 0.3 : 0.6;
    return tierWeight[p.account.row.tier] * persona * statusWeight[p.account.row.status];
  });
  const earliestPossible = new Date(asOf.getTime() - 42 * DAY_MS);
  const specs = Array.from({ length: remaining }, () => {
    const status = rng.weighted(statusMix);
    const at =
      status === "SENT"
        ? sendTime(rng, asOf, 42, earliestPossible)
        : status === "DRAFT"
          ? between(rng, asOf.getTime() - 7 * DAY_MS, asOf.getTime() - 30 * MINUTE_MS)
          : between(rng, asOf.getTime() - 2 * HOUR_MS, asOf.getTime() - MINUTE_MS);
    return { status, at };
  });
  specs.sort((a, b) => a.at.getTime() - b.at.getTime());
  const state = new Map<string, PersonState>();
  const stateOf = (id: string) => {
    let s = state.get(id);
    if (!s) state.set(id, (s = { emailed: false, bouncedAt: null, unsubscribedAt: null }));
    return s;
  };
  let emailsSent = 0;
  let bounces = 0;

  for (const spec of specs) {
    let person: PersonInfo | undefined;
    let channel: OutreachChannel | undefined;
    for (let attempt = 0; attempt < 50 && !channel; attempt++) {
      const candidate = picker.pick(rng);
      if (spec.at.getTime() < candidate.row.createdAt.getTime() + HOUR_MS) continue;
      const s = stateOf(candidate.row.id);
      const canEmail = Boolean(candidate.row.email) && !s.bouncedAt && !s.unsubscribedAt && !excludedFromAdHocEmail.has(candidate.row.id);
      const options: [OutreachChannel, number][] = [];
      if (canEmail) options.push(["EMAIL", 80]);
      if (candidate.row.linkedin && spec.status !== "QUEUED") options.push(["LINKEDIN", 13]);
      if (candidate.row.phone && spec.status === "SENT") options.push(["CALL", 7]);
      if (spec.status === "QUEUED" && !canEmail) continue;
      if (options.length === 0) continue;
      person = candidate;
      channel = rng.weighted(options);
    }
    if (!person || !channel) continue;
    const row = adHocOutreach(ctx, rng, playbook, person, channel, spec.status, spec.at, ownerOf(person));
    if (channel === "EMAIL" && spec.status === "SENT") {
      const s = stateOf(person.row.id);
      // Only a first email can find a dead address (after that it is suppressed); bounce just
      // enough first emails to keep the overall rate at BOUNCE_RATE.
      const bounce = !s.emailed && !enrolled.has(person.row.id) && bounces < BOUNCE_RATE * (emailsSent + 1) && rng.chance(0.5);
      s.emailed = true;
      emailsSent++;
      if (bounce) bounces++;
      const e = emailEngagement(rng, spec.at, asOf, {
        bounce,
        reply: REPLY_RATE[person.account.row.status],
        allowUnsubscribe: !enrolled.has(person.row.id),
      });
      applyEngagement(row, e);
      if (e.bouncedAt) s.bouncedAt = e.bouncedAt;
      if (e.unsubscribedAt) s.unsubscribedAt = e.unsubscribedAt;
    } else if (channel === "LINKEDIN" && spec.status === "SENT" && rng.chance(REPLY_RATE[person.account.row.status] * 1.2)) {
      row.repliedAt = delayedWithin(rng, spec.at, (30 + rng.exponential(24 * 60)) * MINUTE_MS, asOf);
    }
    row.updatedAt = latest(row);
    push(row);
  }
  return { outreach, emailEvents, enrollments };
}

function latest(row: OutreachRow): Date {
  let t = row.createdAt.getTime();
  for (const d of [row.queuedAt, row.sentAt, row.deliveredAt, row.openedAt, row.clickedAt, row.repliedAt, row.bouncedAt, row.unsubscribedAt]) {
    if (d && d.getTime() > t) t = d.getTime();
  }
  return new Date(t);
}

function baseOutreach(ctx: EventContext, person: PersonInfo, owner: UserRow): OutreachRow {
  return {
    id: ctx.ids.next("outr"),
    eventId: ctx.event.id,
    personId: person.row.id,
    accountId: person.account.row.id,
    ownerId: owner.id,
    campaignId: null,
    templateId: null,
    enrollmentId: null,
    sequenceStepId: null,
    stepNumber: null,
    channel: "EMAIL",
    subject: null,
    message: "",
    status: "DRAFT",
    generatedBy: "template",
    toEmail: null,
    messageId: null,
    transport: null,
    scheduledAt: null,
    queuedAt: null,
    sentAt: null,
    ...noEngagement(),
    attempts: 0,
    createdAt: ctx.asOf,
    updatedAt: ctx.asOf,
  };
}

function adHocOutreach(
  ctx: EventContext,
  rng: Rng,
  playbook: Playbook | null,
  person: PersonInfo,
  channel: OutreachChannel,
  status: OutreachStatus,
  at: Date,
  owner: UserRow,
): OutreachRow {
  const row = baseOutreach(ctx, person, owner);
  const values = mergeValues(person, owner, ctx.event.name);
  row.channel = channel;
  row.status = status;
  if (channel === "EMAIL") {
    row.toEmail = person.row.email;
    const useTemplate = playbook !== null && rng.chance(status === "DRAFT" ? 0.3 : 0.65);
    if (useTemplate) {
      const template = playbook.byKey[rng.weighted([["invite", 50], ["painOpener", 35], ["followUp", 15]] as const)];
      row.templateId = template.id;
      row.subject = renderMergeFields(template.subject ?? "", values);
      row.message = renderMergeFields(template.body, values);
    } else {
      row.generatedBy = "ai";
      row.subject = renderMergeFields(rng.pick(AI_SUBJECTS), values);
      row.message = renderMergeFields(rng.pick(AI_BODIES), values);
    }
    if (playbook && rng.chance(0.6)) {
      const exec = person.profile.isExecOps && (person.account.row.tier === "A" || person.account.row.tier === "B");
      row.campaignId = playbook.campaigns[exec && rng.chance(0.6) ? 1 : 0]!.id;
    }
  } else if (channel === "LINKEDIN") {
    if (playbook) row.templateId = playbook.byKey.linkedin.id;
    row.message = renderMergeFields(LINKEDIN_BODY, values);
  } else {
    row.generatedBy = "manual";
    row.message = renderMergeFields(rng.pick(CALL_NOTES), values);
  }

  if (status === "SENT") {
    row.sentAt = at;
    row.queuedAt = channel === "EMAIL" ? new Date(at.getTime() - rng.int(1, 120) * 1000) : null;
    row.createdAt = new Date(at.getTime() - rng.int(2, 240) * MINUTE_MS);
    row.attempts = channel === "EMAIL" ? 1 : 0;
    if (channel === "EMAIL") {
      row.transport = "seed";
      row.messageId = `<${row.id}@seed.eventops.dev>`;
    }
  } else if (status === "QUEUED") {
    row.queuedAt = at;
    row.createdAt = new Date(at.getTime() - rng.int(1, 30) * MINUTE_MS);
    // Scheduled for the recipient's next business morning or so.
    row.scheduledAt = new Date(ctx.asOf.getTime() + rng.int(2, 60) * HOUR_MS);
  } else {
    row.createdAt = at;
  }
  row.updatedAt = row.createdAt;
  return row;
}

interface EnrollmentResult {
  enrollment: EnrollmentRow;
  outreach: OutreachRow[];
}

function generateEnrollments(
  ctx: EventContext,
  rng: Rng,
  playbook: Playbook,
  emailable: PersonInfo[],
  count: number,
): EnrollmentResult[] {
  const { asOf, team } = ctx;
  const now = asOf.getTime();
  const candidates = rng.sample(
    emailable.filter((p) => p.profile.isOps || p.profile.isExecOps || p.profile.isTech),
    count,
  );
  const mix: readonly (readonly [EnrollmentStatus, number])[] = [
    ["ACTIVE", 40],
    ["COMPLETED", 15],
    ["REPLIED", 15],
    ["PAUSED", 10],
    ["STOPPED", 12],
    ["FAILED", 8],
  ];
  const statuses = Array.from({ length: count }, () => rng.weighted(mix));
  const results: EnrollmentResult[] = [];
  // When each state's enrollment can have started (days before asOf) for its step times to fit.
  const windows: Record<EnrollmentStatus, readonly [number, number]> = {
    ACTIVE: [9.8, 0.01],
    COMPLETED: [38, 10.5],
    REPLIED: [30, 1],
    PAUSED: [20, 1],
    STOPPED: [20, 1],
    FAILED: [30, 1],
  };
  for (const [i, wanted] of statuses.entries()) {
    let status: EnrollmentStatus = wanted;
    const person = candidates[i];
    if (!person) break;
    const owner = team.byId.get(person.row.assignedToId ?? "") ?? team.sdr;
    const floor = person.row.createdAt.getTime() + HOUR_MS;
    // Someone added to the list last week cannot have finished a ten-day sequence.
    if (floor > now - windows[status][1] * DAY_MS) status = "ACTIVE";
    const [fromDays, toDays] = windows[status];
    const enrolledAt = between(rng, Math.max(floor, now - fromDays * DAY_MS), now - toDays * DAY_MS);
    // Delays count from the previous step; step 1 goes out on the next cron run.
    const t1 = enrolledAt.getTime() + rng.int(3, 30) * MINUTE_MS;
    const times = [t1, t1 + 3 * DAY_MS, t1 + 10 * DAY_MS].map((t) => new Date(t));
    const enrollment: EnrollmentRow = {
      id: ctx.ids.next("enro"),
      sequenceId: playbook.sequence.id,
      personId: person.row.id,
      accountId: person.account.row.id,
      ownerId: owner.id,
      status,
      currentStep: 0,
      lastStepAt: null,
      nextStepAt: null,
      failureCount: 0,
      lastError: null,
      stopReason: null,
      enrolledAt,
      completedAt: null,
      stoppedAt: null,
      updatedAt: enrolledAt,
    };
    let sent = times.filter((t) => t.getTime() <= now).length;
    let replyAt: Date | null = null;
    let replyStep = 0;
    if (status === "PAUSED" || status === "STOPPED") {
      const stopAt = between(rng, times[0]!.getTime() + HOUR_MS, Math.min(now, times[2]!.getTime() - HOUR_MS));
      sent = Math.max(1, times.filter((t) => t.getTime() <= stopAt.getTime()).length);
      if (status === "STOPPED") {
        enrollment.stoppedAt = stopAt;
        enrollment.stopReason = rng.chance(0.6) ? "Meeting booked" : "Stopped manually";
      } else {
        enrollment.stopReason = `Paused: a colleague at ${displayName(person.account)} replied`;
      }
      enrollment.updatedAt = stopAt;
    } else if (status === "REPLIED") {
      replyStep = rng.int(1, Math.max(1, sent));
      const limit = Math.min(now, replyStep < 3 ? times[replyStep]!.getTime() - MINUTE_MS : now);
      replyAt = delayedWithin(rng, times[replyStep - 1]!, (20 + rng.exponential(16 * 60)) * MINUTE_MS, new Date(limit));
      sent = replyStep;
      enrollment.stoppedAt = replyAt;
      enrollment.stopReason = "Replied";
      enrollment.updatedAt = replyAt;
    } else if (status === "FAILED") {
      sent = 1;
      enrollment.failureCount = 1;
      enrollment.lastError = `550 5.1.1 <${person.row.email}>: Recipient address rejected: User unknown`;
      enrollment.stopReason = "Bounced";
    } else if (status === "COMPLETED") {
      enrollment.completedAt = times[2]!;
      enrollment.updatedAt = times[2]!;
    }
    enrollment.currentStep = sent;
    enrollment.lastStepAt = sent > 0 ? times[sent - 1]! : null;
    if (status === "ACTIVE") {
      enrollment.nextStepAt = times[sent]!;
      enrollment.updatedAt = enrollment.lastStepAt ?? enrolledAt;
    }

    const rows: OutreachRow[] = [];
    const values = mergeValues(person, owner, ctx.event.name);
    const firstSubject = renderMergeFields(playbook.byKey.invite.subject ?? "", values);
    for (let i = 0; i < sent; i++) {
      const step = playbook.steps[i]!;
      const template = playbook.templates.find((t) => t.id === step.templateId)!;
      const row = baseOutreach(ctx, person, owner);
      const sentAt = times[i]!;
      Object.assign(row, {
        enrollmentId: enrollment.id,
        sequenceStepId: step.id,
        stepNumber: step.order,
        templateId: template.id,
        subject: i === 0 ? firstSubject : `Re: ${firstSubject}`,
        message: renderMergeFields(template.body, values),
        status: "SENT",
        toEmail: person.row.email,
        messageId: `<${row.id}@seed.eventops.dev>`,
        transport: "seed",
        queuedAt: new Date(sentAt.getTime() - rng.int(1, 60) * 1000),
        sentAt,
        attempts: 1,
        createdAt: new Date(sentAt.getTime() - rng.int(1, 5) * MINUTE_MS),
      } satisfies Partial<OutreachRow>);
      const engagement = emailEngagement(rng, sentAt, ctx.asOf, {
        bounce: status === "FAILED",
        reply: replyStep === i + 1 && replyAt ? replyAt : 0,
        allowUnsubscribe: false,
      });
      applyEngagement(row, engagement);
      row.updatedAt = latest(row);
      rows.push(row);
    }
    if (status === "FAILED") {
      enrollment.stoppedAt = rows[0]?.bouncedAt ?? null;
      enrollment.updatedAt = enrollment.stoppedAt ?? enrolledAt;
    }
    results.push({ enrollment, outreach: rows });
  }
  return results;
}

/** Open, click and bounce events as a tracking pixel, link redirect or webhook records them. */
function trackingEvents(ctx: EventContext, rng: Rng, row: OutreachRow): EmailEventRow[] {
  const events: EmailEventRow[] = [];
  const add = (type: string, at: Date, userAgent: string | null, ip: string | null, url: string | null = null, isMachine = false) => {
    const id = ctx.ids.next("emev");
    const event: EmailEventRow = { id, outreachId: row.id, type, dedupeKey: `seed:${id}`, url, userAgent, ip, isMachine, occurredAt: at };
    events.push(event);
    return event;
  };
  const ip = () => `${rng.pick([24, 47, 67, 73, 98, 108, 174])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  if (row.bouncedAt) {
    add("bounce", row.bouncedAt, null, null).metadata = BOUNCE_METADATA;
    return events;
  }
  if (row.machineOpenCount > 0 && row.deliveredAt) {
    const at = new Date(Math.min(ctx.asOf.getTime(), row.deliveredAt.getTime() + rng.int(20, 240) * 1000));
    add("open", at, MACHINE_AGENT, `17.58.${rng.int(0, 255)}.${rng.int(1, 254)}`, null, true);
  }
  if (row.openedAt) {
    const agent = rng.pick(USER_AGENTS);
    const addr = ip();
    let t = row.openedAt.getTime();
    for (let i = 0; i < row.openCount; i++) {
      if (i > 0) t = Math.min(ctx.asOf.getTime(), t + rng.int(10, 48 * 60) * MINUTE_MS);
      add("open", new Date(t), agent, addr);
    }
    if (row.clickedAt) {
      let c = row.clickedAt.getTime();
      for (let i = 0; i < row.clickCount; i++) {
        if (i > 0) c = Math.min(ctx.asOf.getTime(), c + rng.int(1, 30) * MINUTE_MS);
        const url = i === 0 ? `https://eventops.dev/book/${ctx.event.slug}` : "https://eventops.dev/resources/yard-roi-guide.pdf";
        add("click", new Date(c), agent, addr, url);
      }
    }
  }
  return events;
}
