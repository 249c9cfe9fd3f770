import { z } from "zod";
import { readClaims } from "@/lib/claims";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { renderMessage, type MergeContext, type RenderedMessage } from "@/lib/merge-fields";
import { slotOfferUrl } from "@/server/booking/links";
import { nextFreeSlotsOf } from "@/server/booking/service";
import { formatInZone } from "@/lib/time";
import { eventScopeField, type Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { mergeFallbacks } from "@/server/seller/profile";
import { getSellerProfile } from "@/server/seller/service";
import { assertCan, ownedBy, type Owner } from "@/server/access/permissions";

const channel = z.enum(["EMAIL", "LINKEDIN", "CALL"]);

export const createTemplateBody = z.strictObject({
  name: z.string().trim().min(1, "Give the template a name").max(120),
  channel: channel.default("EMAIL"),
  subject: z.string().trim().max(300).nullish(),
  body: z.string().trim().min(1, "The template body is empty").max(20_000),
  ...eventScopeField,
});
export const updateTemplateBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  channel: channel.optional(),
  subject: z.string().trim().max(300).nullish(),
  body: z.string().trim().min(1).max(20_000).optional(),
});
export const listTemplatesQuery = z.object({
  ...eventScopeField,
  channel: channel.optional(),
});
export const previewTemplateBody = z.strictObject({
  personId: z.string().min(1).max(64),
  subject: z.string().max(300).nullish(),
  body: z.string().max(20_000),
});

const templateSelect = {
  id: true, eventId: true, name: true, channel: true, subject: true, body: true, createdAt: true, updatedAt: true,
  owner: { select: { id: true, name: true } },
} as const;

/** Templates of an event plus the shared ones (eventId null), not archived. */
export async function listTemplates(query: { channel?: "EMAIL" | "LINKEDIN" | "CALL" }, actor: Actor, db: DbTx = prisma) {
  return db.emailTemplate.findMany({
    where: { archivedAt: null, OR: [{ eventId: actor.eventId }, { eventId: null }], ...(query.channel ? { channel: query.channel } : {}) },
    orderBy: { name: "asc" },
    select: templateSelect,
  });
}

/** A shared template (no event) has no owner rep: only admins change it. */
export function templateOwners(template: { eventId: string | null; owner: Owner | null }): Owner[] {
  return template.eventId === null ? [] : ownedBy(template.owner);
}

export async function getTemplateOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  return inActorEvent(actor, "template", await db.emailTemplate.findFirst({ where: { id, archivedAt: null }, select: templateSelect }));
}

export async function createTemplate(body: z.infer<typeof createTemplateBody>, actor: Actor) {
  const eventId = actor.eventId;
  if (body.channel === "EMAIL" && !body.subject) throw new AppError("validation_error", "An email template needs a subject", [{ path: "subject", message: "Required for email" }]);
  return prisma.$transaction(async (tx) => {
    const template = await tx.emailTemplate.create({
      data: { eventId, ownerId: actor.id, name: body.name, channel: body.channel, subject: body.subject ?? null, body: body.body },
      select: templateSelect,
    });
    await recordActivity({ type: "template.created", description: `Template "${template.name}" created`, actorId: actor.id, eventId, entityType: "template", entityId: template.id }, tx);
    return template;
  });
}

export async function updateTemplate(id: string, body: z.infer<typeof updateTemplateBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getTemplateOrThrow(id, actor, tx);
    assertCan(actor, "template", "edit", templateOwners(current));
    const nextChannel = body.channel ?? current.channel;
    const nextSubject = body.subject === undefined ? current.subject : body.subject;
    if (nextChannel === "EMAIL" && !nextSubject) throw new AppError("validation_error", "An email template needs a subject", [{ path: "subject", message: "Required for email" }]);
    const template = await tx.emailTemplate.update({ where: { id }, data: { ...body, subject: nextSubject }, select: templateSelect });
    await recordActivity({ type: "template.updated", description: `Template "${template.name}" updated`, actorId: actor.id, eventId, entityType: "template", entityId: id }, tx);
    return template;
  });
}

export async function archiveTemplate(id: string, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getTemplateOrThrow(id, actor, tx);
    assertCan(actor, "template", "archive", templateOwners(current));
    await tx.emailTemplate.update({ where: { id }, data: { archivedAt: new Date() } });
    await recordActivity({ type: "template.archived", description: `Template "${current.name}" archived`, actorId: actor.id, eventId, entityType: "template", entityId: id }, tx);
    return { id };
  });
}

type SenderLike = { id: string; name: string | null; email: string };

const mergePersonSelect = {
  id: true, firstName: true, lastName: true, name: true, title: true, email: true,
  account: {
    select: {
      name: true, industry: true, domain: true, website: true, location: true, headquarters: true,
      dossier: { select: { summary: true, footprint: true, painPoints: true, recentNews: true } },
    },
  },
  event: { select: { name: true, city: true, venue: true, boothNumber: true, startDate: true, endDate: true, timeZone: true } },
} as const;
const mergeSenderSelect = { id: true, name: true, email: true, title: true, signature: true } as const;

type MergePerson = Prisma.PersonGetPayload<{ select: typeof mergePersonSelect }>;
type MergeSender = Prisma.UserGetPayload<{ select: typeof mergeSenderSelect }>;

/** Everything a template can refer to, for one person in one event, from one rep. */
export async function buildMergeContext(personId: string, eventId: string, sender: SenderLike, db: DbTx = prisma): Promise<MergeContext> {
  const person = await db.person.findFirst({ where: { id: personId, eventId }, select: mergePersonSelect });
  if (!person) throw new AppError("not_found", "Person not found in this event");
  const senderRow = await db.user.findUnique({ where: { id: sender.id }, select: mergeSenderSelect });
  const slots = await nextFreeSlotsOf(sender.id, eventId, OFFERED_SLOTS, new Date(), db);
  return toMergeContext(person, senderRow, sender, boothSlotsText(slots, { personId, repId: sender.id, eventId, timeZone: person.event.timeZone, booth: person.event.boothNumber }));
}

/**
 * The same contexts for many (person, sender) pairs of one event in two queries (the sequence
 * engine renders a whole batch at once). A person not found in the event gets an Error in place.
 */
export async function buildMergeContexts(items: readonly { personId: string; sender: SenderLike }[], eventId: string, db: DbTx = prisma): Promise<(MergeContext | AppError)[]> {
  const [people, senders] = await Promise.all([
    db.person.findMany({ where: { id: { in: [...new Set(items.map((i) => i.personId))] }, eventId }, select: mergePersonSelect }),
    db.user.findMany({ where: { id: { in: [...new Set(items.map((i) => i.sender.id))] } }, select: mergeSenderSelect }),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const senderById = new Map(senders.map((u) => [u.id, u]));
  // Each rep's free booth slots once per batch; the links differ per person (they are signed for them).
  const now = new Date();
  const slotsBySender = new Map(await Promise.all([...senderById.keys()].map(async (id) => [id, await nextFreeSlotsOf(id, eventId, OFFERED_SLOTS, now, db)] as const)));
  return items.map((i) => {
    const person = personById.get(i.personId);
    if (!person) return new AppError("not_found", "Person not found in this event");
    const slots = boothSlotsText(slotsBySender.get(i.sender.id) ?? [], { personId: person.id, repId: i.sender.id, eventId, timeZone: person.event.timeZone, booth: person.event.boothNumber });
    return toMergeContext(person, senderById.get(i.sender.id) ?? null, i.sender, slots);
  });
}

/** How many free slots "Offer booth slots" puts in one email. */
const OFFERED_SLOTS = 4;

/** The {{booth.slots}} text: one line per slot, in the event's zone, each a link that books it. */
function boothSlotsText(slots: Date[], ctx: { personId: string; repId: string; eventId: string; timeZone: string; booth: string | null }): string | null {
  if (slots.length === 0) return null;
  const lines = slots.map((start) => `- ${formatInZone(start, ctx.timeZone, "weekdayTime")}: ${slotOfferUrl({ personId: ctx.personId, repId: ctx.repId, eventId: ctx.eventId, start })}`);
  return [`Pick a time to meet at ${ctx.booth ? `booth ${ctx.booth}` : "our booth"} — one click books it:`, ...lines].join("\n");
}

function toMergeContext(person: MergePerson, senderRow: MergeSender | null, sender: SenderLike, boothSlots: string | null): MergeContext {
  const dossier = person.account?.dossier;
  const senderName = senderRow?.name ?? sender.name ?? null;
  return {
    person: { firstName: person.firstName, lastName: person.lastName, name: person.name, title: person.title, email: person.email },
    account: {
      name: person.account?.name ?? null,
      industry: person.account?.industry ?? null,
      domain: person.account?.domain ?? null,
      website: person.account?.website ?? null,
      location: person.account?.location ?? person.account?.headquarters ?? null,
    },
    dossier: {
      painPoint: firstString(dossier?.painPoints),
      summary: dossier?.summary ?? null,
      recentNews: firstNewsTitle(dossier?.recentNews),
      footprint: dossier?.footprint ?? null,
    },
    sender: {
      name: senderName,
      firstName: senderName?.split(/\s+/)[0] ?? null,
      email: senderRow?.email ?? sender.email,
      title: senderRow?.title ?? null,
      signature: senderRow?.signature ?? null,
    },
    event: {
      name: person.event.name,
      city: person.event.city,
      venue: person.event.venue,
      boothNumber: person.event.boothNumber,
      dates: formatDates(person.event.startDate, person.event.endDate),
    },
    booth: { slots: boothSlots },
  };
}

/** The preview the composer and the template editor show: the same renderer the send path uses. */
export async function previewTemplate(body: z.infer<typeof previewTemplateBody>, actor: Actor) {
  inActorEvent(actor, "person", await prisma.person.findUnique({ where: { id: body.personId }, select: { eventId: true, deletedAt: true } }));
  const [context, profile] = await Promise.all([buildMergeContext(body.personId, actor.eventId, actor), getSellerProfile()]);
  const rendered = renderMessage({ subject: body.subject ?? null, body: body.body }, context, mergeFallbacks(profile));
  // What an email gets underneath when it is sent (src/server/email/compose.ts appendSignature).
  const signature = context.sender.signature ?? context.sender.name ?? null;
  return { subject: rendered.subject ?? "", body: rendered.message, missing: rendered.missing, unknown: rendered.unknown, signature };
}

type Outgoing = { id: string; eventId: string; personId: string; subject: string | null; message: string; owner: SenderLike | null };

/**
 * The final subject and body of messages about to go out, rendered for their recipients (the
 * send path's one call to the renderer). A message that still names an unknown merge field gets
 * an error in its place: it would reach the prospect with the braces in it.
 */
export async function renderOutgoing(messages: readonly Outgoing[], systemSender: SenderLike, db: DbTx = prisma): Promise<Map<string, RenderedMessage | AppError>> {
  const out = new Map<string, RenderedMessage | AppError>();
  // Text without a placeholder is final already (a sequence step renders before it sends): no reads for it.
  const pending = messages.filter((m) => `${m.subject ?? ""}${m.message}`.includes("{{"));
  for (const m of messages) if (!pending.includes(m)) out.set(m.id, { subject: m.subject, message: m.message, missing: [], unknown: [] });
  if (pending.length === 0) return out;
  const fallbacks = mergeFallbacks(await getSellerProfile(db));
  for (const eventId of new Set(pending.map((m) => m.eventId))) {
    const group = pending.filter((m) => m.eventId === eventId);
    const contexts = await buildMergeContexts(group.map((m) => ({ personId: m.personId, sender: m.owner ?? systemSender })), eventId, db);
    group.forEach((m, i) => {
      const context = contexts[i];
      if (context instanceof AppError) return out.set(m.id, context);
      const rendered = renderMessage({ subject: m.subject, body: m.message }, context, fallbacks);
      out.set(m.id, rendered.unknown.length
        ? new AppError("validation_error", `This message uses ${rendered.unknown.length === 1 ? "a merge field that does not exist" : "merge fields that do not exist"}: ${rendered.unknown.map((f) => `{{${f}}}`).join(", ")}. Pick fields from the list, then send again.`, rendered.unknown.map((f) => ({ path: "message", message: `Unknown merge field {{${f}}}` })))
        : rendered);
    });
  }
  return out;
}

function firstString(value: unknown): string | null {
  if (Array.isArray(value)) {
    // Pain points are claims ({ text, source }) or, written before sources were kept, strings.
    const first = readClaims(value)[0]?.text;
    return first ? stripPeriod(first) : null;
  }
  return typeof value === "string" && value.trim() !== "" ? stripPeriod(value) : null;
}

// Pain points are written as sentences; templates embed them mid-sentence.
function stripPeriod(value: string): string {
  const trimmed = value.trim().replace(/\.$/, "");
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function firstNewsTitle(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  for (const item of value) {
    if (item && typeof item === "object" && typeof (item as { title?: unknown }).title === "string") return (item as { title: string }).title;
    if (typeof item === "string") return item;
  }
  return null;
}

function formatDates(start: Date, end: Date): string {
  const fmt = (d: Date, opts: Intl.DateTimeFormatOptions) => d.toLocaleDateString("en-US", { ...opts, timeZone: "UTC" });
  return `${fmt(start, { month: "long", day: "numeric" })}–${fmt(end, { day: "numeric", year: "numeric" })}`;
}
