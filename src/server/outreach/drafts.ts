import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { completeJson, isAiConfigured } from "@/server/ai/client";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { createBackgroundJob } from "@/server/jobs/background";
import type { bulkDraftsBody, generateDraftsBody } from "@/server/outreach/schemas";
import type { Actor } from "@/server/access/actor";
import { isInActorEvent } from "@/server/access/scope";
import { renderTemplate, type MergeContext } from "@/server/templates/merge-fields";
import { buildMergeContext, getTemplateOrThrow } from "@/server/templates/service";

/**
 * Personalised drafts. With an AI endpoint configured the model writes each message from the
 * person's data, the account dossier, the insights and the chosen template (as guidance, not a
 * script); without one — or when the model fails — a deterministic composer renders the template
 * with sensible fallbacks for empty fields. Either way the result is a DRAFT a rep reviews and
 * edits; nothing is sent from here.
 */
const BUILT_IN_TEMPLATE = {
  subject: "{{person.firstName|Quick question}}, 20 minutes at {{event.name}}?",
  body: `Hi {{person.firstName|there}},

I am heading to {{event.name}} and {{account.name|your team}} is on my list. Operations leaders keep telling us that {{dossier.painPoint|trailers wait too long between the gate and the dock}}.

We give yard teams a live view of every trailer, faster gate check-in and fewer detention charges, usually within the first quarter.

Would you have 20 minutes at our booth? Happy to work around your schedule.

Best,
{{sender.name|The team}}`,
};

// Fallbacks the deterministic composer uses when a template field is empty for a person.
const FALLBACKS: Record<string, string> = {
  "person.firstName": "there",
  "account.name": "your team",
  "dossier.painPoint": "trailers wait too long between the gate and the dock",
  "person.title": "operations leader",
};

const aiDraft = z.object({ subject: z.string().min(1).max(300), body: z.string().min(20).max(8000) });

export type GeneratedDraft = {
  personId: string;
  personName: string;
  subject: string | null;
  message: string;
  generatedBy: "ai" | "template";
  missing: string[];
  warnings: string[];
  outreachId?: string;
};

function withFallbacks(context: MergeContext): MergeContext {
  const copy = structuredClone(context) as Record<string, Record<string, string | null | undefined>>;
  for (const [key, value] of Object.entries(FALLBACKS)) {
    const [group, field] = key.split(".");
    const current = copy[group][field];
    if (current === null || current === undefined || current.trim() === "") copy[group][field] = value;
  }
  return copy as MergeContext;
}

export function composeDeterministic(template: { subject: string | null; body: string }, context: MergeContext) {
  const raw = { subject: renderTemplate(template.subject ?? "", context), body: renderTemplate(template.body, context) };
  const filled = { subject: renderTemplate(template.subject ?? "", withFallbacks(context)), body: renderTemplate(template.body, withFallbacks(context)) };
  return {
    subject: template.subject ? filled.subject.text : null,
    message: filled.body.text,
    missing: [...new Set([...raw.subject.missing, ...raw.body.missing])],
    unknown: [...new Set([...raw.subject.unknown, ...raw.body.unknown])],
  };
}

async function composeWithAi(template: { subject: string | null; body: string }, context: MergeContext, insights: string[], channel: string) {
  return completeJson({
    schema: aiDraft,
    temperature: 0.4,
    messages: [
      {
        role: "system",
        content:
          "You write short, specific B2B sales outreach for a sales rep of a yard-management software vendor ahead of a trade show. " +
          "Plain text, no markdown, no placeholders or brackets, 90-160 words for email, under 300 characters for LinkedIn. " +
          "Use only facts given to you; never invent numbers or news. End with the sender's name. " +
          'Answer as JSON: {"subject": string, "body": string}.',
      },
      {
        role: "user",
        content: JSON.stringify({ channel, recipient: context.person, account: context.account, dossier: context.dossier, insights, sender: context.sender, event: context.event, templateAsGuidance: template }),
      },
    ],
  });
}

type DraftSource = { subject: string | null; body: string };

/** The template (or the built-in one), checked against the actor's event, and the campaign if one is given. */
async function draftSettings(body: { templateId?: string | null; campaignId?: string | null; channel: "EMAIL" | "LINKEDIN" | "CALL" }, actor: Actor) {
  const template = body.templateId ? await getTemplateOrThrow(body.templateId, actor) : null;
  if (body.campaignId) {
    const campaign = await prisma.campaign.findFirst({ where: { id: body.campaignId, eventId: actor.eventId, archivedAt: null }, select: { id: true } });
    if (!campaign) throw new AppError("validation_error", "That campaign does not exist in this event", [{ path: "campaignId", message: "Unknown campaign" }]);
  }
  const source: DraftSource = template ? { subject: template.subject, body: template.body } : BUILT_IN_TEMPLATE;
  return { template, source, channel: template?.channel ?? body.channel };
}

/** Refuses ids that are not people of the actor's event; returns the people in the order given. */
async function peopleOfEvent(personIds: readonly string[], actor: Actor) {
  const people = (await prisma.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, eventId: true, name: true, accountId: true, email: true } }))
    .filter((p) => isInActorEvent(actor, "person", p));
  const unknown = personIds.filter((id) => !people.some((p) => p.id === id));
  if (unknown.length > 0) throw new AppError("validation_error", "Some people are not in this event", unknown.map((id) => ({ path: "personIds", message: `Unknown person ${id}` })));
  return personIds.map((id) => people.find((p) => p.id === id)!);
}

/** One person's draft: the AI's when an endpoint is configured and answers, else the template's. */
async function composeDraft(person: { id: string; name: string; accountId: string | null; email: string | null }, source: DraftSource, channel: string, actor: Actor): Promise<GeneratedDraft & { accountId: string | null }> {
  const context = await buildMergeContext(person.id, actor.eventId, actor);
  const deterministic = composeDeterministic(source, context);
  const warnings: string[] = [];
  if (channel === "EMAIL" && !person.email) warnings.push(`${person.name} has no email address`);
  if (deterministic.unknown.length) warnings.push(`Unknown merge fields: ${deterministic.unknown.join(", ")}`);
  let draft: GeneratedDraft = {
    personId: person.id, personName: person.name, subject: deterministic.subject, message: deterministic.message,
    generatedBy: "template", missing: deterministic.missing, warnings,
  };
  if (isAiConfigured()) {
    try {
      const insights = await prisma.insight.findMany({
        where: { OR: [{ personId: person.id }, ...(person.accountId ? [{ accountId: person.accountId }] : [])] },
        orderBy: { createdAt: "desc" }, take: 8, select: { content: true },
      });
      const ai = await composeWithAi(source, context, insights.map((i) => i.content), channel);
      draft = { ...draft, subject: channel === "EMAIL" ? ai.subject : null, message: ai.body, generatedBy: "ai" };
    } catch (error) {
      logger.warn({ err: error, personId: person.id }, "AI draft failed; used the template");
      draft.warnings.push("The AI model was unavailable, so this draft was composed from the template");
    }
  }
  return { ...draft, accountId: person.accountId };
}

/** Saves a draft as a DRAFT outreach with its activity, in the caller's transaction. */
async function saveDraft(tx: Prisma.TransactionClient, draft: GeneratedDraft & { accountId: string | null }, settings: { eventId: string; actorId: string; campaignId: string | null; templateId: string | null; channel: "EMAIL" | "LINKEDIN" | "CALL" }) {
  const created = await tx.outreach.create({
    data: {
      eventId: settings.eventId, personId: draft.personId, accountId: draft.accountId, ownerId: settings.actorId, campaignId: settings.campaignId, templateId: settings.templateId,
      channel: settings.channel, subject: draft.subject, message: draft.message, generatedBy: draft.generatedBy, status: "DRAFT",
    },
    select: { id: true },
  });
  await recordActivity({
    type: "outreach.drafted", description: `Draft ${settings.channel.toLowerCase()} to ${draft.personName} generated (${draft.generatedBy === "ai" ? "AI" : "template"})`,
    actorId: settings.actorId, eventId: settings.eventId, personId: draft.personId, accountId: draft.accountId, entityType: "outreach", entityId: created.id,
  }, tx);
  return created.id;
}

/** Drafts for a few people, answered in the request (the compose dialog; larger selections run as a background job). */
export async function generateDrafts(body: z.infer<typeof generateDraftsBody>, actor: Actor) {
  const eventId = actor.eventId;
  const { template, source, channel } = await draftSettings(body, actor);
  const people = await peopleOfEvent(body.personIds, actor);
  const drafts: (GeneratedDraft & { accountId: string | null })[] = [];
  for (const person of people) drafts.push(await composeDraft(person, source, channel, actor));
  if (!body.save) return drafts.map(({ accountId: _accountId, ...d }) => d);
  return prisma.$transaction(async (tx) => {
    const saved: GeneratedDraft[] = [];
    for (const { accountId, ...draft } of drafts) {
      const outreachId = await saveDraft(tx, { ...draft, accountId }, { eventId, actorId: actor.id, campaignId: body.campaignId ?? null, templateId: template?.id ?? null, channel });
      saved.push({ ...draft, outreachId });
    }
    return saved;
  });
}

export type BulkDraftsInput = { personIds: string[]; templateId: string | null; campaignId: string | null; channel: "EMAIL" | "LINKEDIN" | "CALL" };

/** Starts drafting for many people as a background job (one item per person); answers with the job. */
export async function startBulkDrafts(body: z.infer<typeof bulkDraftsBody>, actor: Actor) {
  const { template, channel } = await draftSettings(body, actor);
  const people = await peopleOfEvent([...new Set(body.personIds)], actor);
  const input: BulkDraftsInput = { personIds: people.map((p) => p.id), templateId: template?.id ?? null, campaignId: body.campaignId ?? null, channel };
  return createBackgroundJob({
    kind: "drafts", label: `Drafts for ${people.length} ${people.length === 1 ? "person" : "people"}${template ? ` from “${template.name}”` : ""}`,
    eventId: actor.eventId, actor, input, items: people.map((p) => ({ key: p.id, label: p.name })),
  });
}

/** One item of a bulk drafts job (acting as the person who started it): composed outside the transaction that saves it with the item's DONE mark. */
export async function draftJobItem(input: BulkDraftsInput, personId: string, actor: Actor) {
  const { template, source, channel } = await draftSettings(input, actor);
  const [person] = await peopleOfEvent([personId], actor);
  const draft = await composeDraft(person, source, channel, actor);
  return {
    write: async (tx: Prisma.TransactionClient) => {
      const outreachId = await saveDraft(tx, draft, { eventId: actor.eventId, actorId: actor.id, campaignId: input.campaignId, templateId: template?.id ?? null, channel });
      return { outreachId, generatedBy: draft.generatedBy, warnings: draft.warnings };
    },
  };
}
