/**
 * The activity feed / audit log. Most rows are derived from what the other sections generated
 * (an account imported, an email sent, opened, replied, a meeting booked or held …) at the
 * moment it happened; the rest, up to the target count, are the everyday edits a team makes
 * (notes, contact updates, account edits) spread over the weeks before `asOf`.
 *
 * Things the recipient does (opens, clicks, replies, bounces) have no actor: no user did them.
 * Ids follow time order, and every account and person gets lastActivityAt = its newest row.
 */
import type { ActivityType } from "../../src/lib/vocabulary";
import { NOTES } from "./catalog";
import { DAY_MS, HOUR_MS, MINUTE_MS, between, maxDate, type EventContext } from "./context";
import type { AccountInfo, PersonInfo } from "./gen-accounts";
import { WeightedPicker } from "./random";
import { formatLocal } from "./timeline";
import type { ActivityRow, DossierRow, EnrollmentRow, JsonObject, MeetingRow, OutreachRow, SequenceRow } from "./types";

export interface ActivitySources {
  accounts: AccountInfo[];
  people: PersonInfo[];
  dossiers: DossierRow[];
  outreach: OutreachRow[];
  meetings: MeetingRow[];
  enrollments: EnrollmentRow[];
  sequence: SequenceRow | null;
}

/** What add() takes: a row without id/eventId (assigned later), metadata null when absent. */
type Draft = Omit<ActivityRow, "id" | "eventId" | "metadata"> & { metadata: JsonObject | null };

const STATUS_LABEL: Record<string, string> = {
  PROSPECTING: "Prospecting",
  ENGAGED: "Engaged",
  MEETING_SCHEDULED: "Meeting scheduled",
  WON: "Won",
  LOST: "Lost",
};

const PERSON_EDITS: readonly (readonly [string, string])[] = [
  ["title", "the title"],
  ["phone", "the phone number"],
  ["linkedin", "the LinkedIn profile"],
  ["email", "the email address"],
  ["notes", "the notes"],
  ["assignedToId", "the owner"],
];
const ACCOUNT_EDITS: readonly (readonly [string, string])[] = [
  ["facilityCount", "the facility count"],
  ["notes", "the notes"],
  ["employeeCount", "the employee count"],
  ["website", "the website"],
  ["tier", "the tier"],
];

export function generateActivities(ctx: EventContext, src: ActivitySources, target: number): ActivityRow[] {
  const rng = ctx.rng.fork("activities");
  const { team, asOf, event } = ctx;
  const tz = event.timeZone;
  const personById = new Map(src.people.map((p) => [p.row.id, p]));
  const accountById = new Map(src.accounts.map((a) => [a.row.id, a]));
  const actorName = (id: string | null) => (id ? (team.byId.get(id)?.name ?? "Someone") : "Someone");
  const who = (p: PersonInfo) => `${p.row.name} (${p.account.row.name})`;
  const rows: ActivityRow[] = [];
  // What an activity is about: an account itself, or a person at their account.
  const aboutAccount = (accountId: string) => ({ personId: null, accountId, entityType: "account", entityId: accountId });
  const aboutPerson = (personId: string, accountId: string) => ({ personId, accountId, entityType: "person", entityId: personId });
  // Rows are built in their final shape straight away: the large scale makes 200k of them.
  const add = (d: Draft) => {
    const row: ActivityRow = {
      id: "",
      eventId: event.id,
      type: d.type,
      description: d.description,
      actorId: d.actorId,
      personId: d.personId,
      accountId: d.accountId,
      entityType: d.entityType,
      entityId: d.entityId,
      createdAt: d.createdAt,
    };
    if (d.metadata) row.metadata = d.metadata;
    rows.push(row);
  };

  const firstMeetingBooked = new Map<string, Date>();
  for (const m of src.meetings) {
    const prev = m.accountId ? firstMeetingBooked.get(m.accountId) : undefined;
    if (m.accountId && (!prev || m.createdAt < prev)) firstMeetingBooked.set(m.accountId, m.createdAt);
  }

  for (const account of src.accounts) {
    const a = account.row;
    add({
      type: "account.created",
      description: `${team.admin.name} added ${a.name} to the target list (Tier ${a.tier})`,
      metadata: { tier: a.tier, industry: a.industry, source: "seed" },
      actorId: team.admin.id,
      ...aboutAccount(a.id),
      createdAt: a.createdAt,
    });
    if (a.status !== "PROSPECTING") {
      // A week after import, or halfway to now for accounts added recently.
      const from = Math.min(a.createdAt.getTime() + 7 * DAY_MS, (a.createdAt.getTime() + asOf.getTime()) / 2);
      const at = firstMeetingBooked.get(a.id) ?? between(rng, from, asOf.getTime() - HOUR_MS);
      const actor = a.assignedToId ?? team.admin.id;
      add({
        type: "account.updated",
        description: `${actorName(actor)} moved ${a.name} to ${STATUS_LABEL[a.status]}`,
        metadata: { field: "status", from: "PROSPECTING", to: a.status },
        actorId: actor,
        ...aboutAccount(a.id),
        createdAt: at,
      });
    }
  }

  for (const d of src.dossiers) {
    const a = accountById.get(d.accountId)!.row;
    const actor = a.assignedToId ?? team.admin.id;
    add({
      type: "research.completed",
      description: `${actorName(actor)} generated a research dossier for ${a.name}`,
      metadata: { provider: "seed" },
      actorId: actor,
      personId: null,
      accountId: a.id,
      entityType: "dossier",
      entityId: d.id,
      createdAt: d.researchedAt,
    });
  }

  for (const e of src.enrollments) {
    const p = personById.get(e.personId)!;
    add({
      type: "sequence.enrolled",
      description: `${actorName(e.ownerId)} enrolled ${who(p)} in “${src.sequence?.name ?? "sequence"}”`,
      metadata: { sequenceId: e.sequenceId },
      actorId: e.ownerId,
      personId: p.row.id,
      accountId: p.account.row.id,
      entityType: "enrollment",
      entityId: e.id,
      createdAt: e.enrolledAt,
    });
  }

  // Per-channel metadata objects are shared: rows are never mutated, and the large scale has
  // 200k of them (positional arguments instead of object spreads for the same reason).
  const channelMeta = new Map<string, JsonObject>();
  const metaFor = (channel: string) => {
    let m = channelMeta.get(channel);
    if (!m) channelMeta.set(channel, (m = { channel }));
    return m;
  };
  const about = (
    type: ActivityType,
    description: string,
    metadata: JsonObject | null,
    actorId: string | null,
    p: PersonInfo,
    entityType: string,
    entityId: string,
    createdAt: Date,
  ) =>
    add({ type, description, metadata, actorId, personId: p.row.id, accountId: p.account.row.id, entityType, entityId, createdAt });

  for (const o of src.outreach) {
    const p = personById.get(o.personId)!;
    const subject = o.subject ? `“${o.subject}”` : "a message";
    const meta = metaFor(o.channel);
    const owner = actorName(o.ownerId);
    const person = who(p);
    if (o.status === "DRAFT") {
      about("outreach.drafted", `${owner} drafted ${o.channel === "EMAIL" ? "an email" : "a LinkedIn message"} to ${person}`, meta, o.ownerId, p, "outreach", o.id, o.createdAt);
      continue;
    }
    if (o.status === "QUEUED") {
      about("outreach.queued", `${owner} scheduled ${subject} to ${person} for ${formatLocal(o.scheduledAt!, tz)}`, meta, o.ownerId, p, "outreach", o.id, o.queuedAt!);
      continue;
    }
    if (o.status !== "SENT" || !o.sentAt) continue;
    const step = o.stepNumber ? ` (step ${o.stepNumber} of “${src.sequence?.name ?? "sequence"}”)` : "";
    const sentText =
      o.channel === "EMAIL"
        ? `${owner} emailed ${person}: ${subject}${step}`
        : o.channel === "LINKEDIN"
          ? `${owner} sent ${person} a LinkedIn message`
          : `${owner} logged a call with ${person}`;
    about("outreach.sent", sentText, o.stepNumber ? { channel: o.channel, stepNumber: o.stepNumber } : meta, o.ownerId, p, "outreach", o.id, o.sentAt);
    if (o.bouncedAt) about("outreach.bounced", `Email to ${person} bounced (${o.toEmail})`, meta, null, p, "outreach", o.id, o.bouncedAt);
    if (o.openedAt) about("outreach.opened", `${person} opened ${subject}`, meta, null, p, "outreach", o.id, o.openedAt);
    if (o.clickedAt) about("outreach.clicked", `${person} clicked a link in ${subject}`, meta, null, p, "outreach", o.id, o.clickedAt);
    if (o.repliedAt) {
      const how = o.channel === "LINKEDIN" ? "replied on LinkedIn" : `replied to ${subject}`;
      about("outreach.replied", `${person} ${how}`, meta, null, p, "outreach", o.id, o.repliedAt);
    }
    if (o.unsubscribedAt) about("outreach.unsubscribed", `${person} unsubscribed from email`, meta, null, p, "outreach", o.id, o.unsubscribedAt);
  }

  for (const m of src.meetings) {
    const p = personById.get(m.personId)!;
    const owner = actorName(m.ownerId);
    const when = `${formatLocal(m.scheduledAt, tz)} at ${m.location}`;
    about("meeting.booked", `${owner} booked a meeting with ${who(p)} for ${when}`, { scheduledAt: m.scheduledAt.toISOString(), locationType: m.locationType }, m.ownerId, p, "meeting", m.id, m.createdAt);
    if (m.status === "COMPLETED") {
      about("meeting.completed", `${owner} met ${who(p)} (${m.location}): ${m.outcome ?? "completed"}`, { outcome: m.outcome, nextStep: m.nextStep }, m.ownerId, p, "meeting", m.id, m.updatedAt);
    } else if (m.status === "NO_SHOW") {
      about("meeting.no_show", `${who(p)} did not show up for the meeting on ${when}`, null, m.ownerId, p, "meeting", m.id, m.updatedAt);
    } else if (m.status === "CANCELLED") {
      about("meeting.cancelled", `${owner} cancelled the meeting with ${who(p)} on ${when}`, null, m.ownerId, p, "meeting", m.id, m.updatedAt);
    }
  }

  // Everyday edits up to the target, more of them on the accounts that matter most.
  const tierWeight = { A: 5, B: 3, C: 2, D: 1 } as const;
  const picker = new WeightedPicker(src.accounts, (a) => tierWeight[a.row.tier]);
  for (let n = rows.length; n < target && picker.size > 0; n++) {
    const account = picker.pick(rng);
    const a = account.row;
    const actor = a.assignedToId ?? rng.pick(team.all).id;
    const at = between(rng, a.createdAt.getTime() + HOUR_MS, asOf.getTime() - MINUTE_MS);
    const person = account.people.length > 0 ? rng.pick(account.people) : null;
    const kind = rng.weighted([["note", 45], ["person", person ? 35 : 0], ["account", 20]] as const);
    if (kind === "note") {
      const note = rng.pick(NOTES);
      const about = person && rng.chance(0.4) ? person : null;
      add({
        type: "note.added",
        description: `${actorName(actor)} added a note on ${about ? who(about) : a.name}: “${note}”`,
        metadata: { note },
        actorId: actor,
        ...(about ? aboutPerson(about.row.id, a.id) : aboutAccount(a.id)),
        createdAt: at,
      });
    } else if (kind === "person" && person) {
      const [field, label] = rng.pick(PERSON_EDITS);
      add({
        type: "person.updated",
        description: `${actorName(actor)} updated ${label} of ${who(person)}`,
        metadata: { fields: [field] },
        actorId: actor,
        ...aboutPerson(person.row.id, a.id),
        createdAt: new Date(Math.max(at.getTime(), person.row.createdAt.getTime() + MINUTE_MS)),
      });
    } else {
      const [field, label] = rng.pick(ACCOUNT_EDITS);
      add({
        type: "account.updated",
        description: `${actorName(actor)} updated ${label} of ${a.name}`,
        metadata: { fields: [field] },
        actorId: actor,
        ...aboutAccount(a.id),
        createdAt: at,
      });
    }
  }

  // Time order (Array.prototype.sort is stable, so ties keep generation order), then ids.
  const activities = rows.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  for (const row of activities) row.id = ctx.ids.next("actv");

  for (const act of activities) {
    if (act.accountId) {
      const a = accountById.get(act.accountId);
      if (a) a.row.lastActivityAt = maxDate(a.row.lastActivityAt, act.createdAt);
    }
    if (act.personId) {
      const p = personById.get(act.personId);
      if (p) p.row.lastActivityAt = maxDate(p.row.lastActivityAt, act.createdAt);
    }
  }
  for (const a of src.accounts) a.row.updatedAt = maxDate(a.row.updatedAt, a.row.lastActivityAt) ?? a.row.updatedAt;
  for (const p of src.people) p.row.updatedAt = maxDate(p.row.updatedAt, p.row.lastActivityAt) ?? p.row.updatedAt;
  return activities;
}
