import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { reserveAiUnits } from "@/server/ai/budget";
import { generateStructured, isAiConfigured, streamPlainText } from "@/server/ai/client";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import { createBackgroundJob } from "@/server/jobs/background";
import type { bulkDraftsBody, generateDraftsBody, streamDraftBody } from "@/server/outreach/schemas";
import { inSentence, mergeFallbacks, type SellerProfile } from "@/server/seller/profile";
import { getSellerProfile } from "@/server/seller/service";
import type { Actor } from "@/server/access/actor";
import { isInActorEvent } from "@/server/access/scope";
import { renderMessage, type MergeContext } from "@/lib/merge-fields";
import { buildMergeContext, getTemplateOrThrow } from "@/server/templates/service";

/**
 * Personalised drafts. With an AI endpoint configured the model writes each message from the
 * person's data, the account dossier, the insights, the seller profile (product, pitch, value
 * propositions, pain library) and the chosen template (as guidance, not a script); without one
 * — or when the model fails — a deterministic composer renders the template with fallbacks for
 * empty fields, and says so ("template draft"). The built-in template itself is written from the
 * seller profile, so another product gets its own words with no code change. Either way the
 * result is a DRAFT a rep reviews and edits; nothing is sent from here.
 */

// Profile text goes into a template literally: it must not open a merge field of its own.
const literal = (text: string) => text.replace(/\{\{|\}\}/g, "");

function builtInTemplate(profile: SellerProfile) {
  return {
    subject: `{{person.firstName|Quick question}}, ${literal(profile.meetingAsk)} at {{event.name}}?`,
    body: `Hi {{person.firstName|there}},

I am heading to {{event.name}} and {{account.name|your team}} is on my list. Teams like yours keep telling us that {{dossier.painPoint|${literal(inSentence(profile.painPoints[0].pain))}}}.

${literal(profile.pitch)}

Would you have ${literal(profile.meetingAsk)}? Happy to work around your schedule.

Best,`,
  };
}

const aiDraft = z.object({ subject: z.string().min(1).max(300), body: z.string().min(20).max(8000) });

export type GeneratedDraft = {
  personId: string;
  personName: string;
  subject: string | null;
  message: string;
  generatedBy: "ai" | "template";
  /** How the draft was made, in a sentence shown with it: never a silent fallback. */
  how: string;
  missing: string[];
  warnings: string[];
  outreachId?: string;
};

/** The template filled in for one recipient: the one renderer with this seller's fallbacks. */
export function composeDeterministic(template: { subject: string | null; body: string }, context: MergeContext, profile: SellerProfile) {
  return renderMessage(template, context, mergeFallbacks(profile));
}

const HOW = {
  noModel: "No AI model is configured, so this draft is the template filled in with their details. Read it and make it yours before sending.",
  modelFailed: "The AI model did not answer, so this draft is the template filled in with their details. Read it and make it yours before sending.",
  ai: "Written by the AI model from their details, their company's research and the template. Check the facts before sending.",
};

function draftSystemPrompt(profile: SellerProfile, format: "json" | "text", channel: string): string {
  return (
    `You write short, specific B2B sales outreach for a sales rep of the company that sells ${profile.productName} ahead of a trade show. ` +
    `What it does: ${profile.pitch} Value propositions: ${profile.valueProps.join("; ")}. ` +
    `Pains we solve (pain → how → proof): ${profile.painPoints.map((p) => `${p.pain} → ${p.solution}${p.proof ? ` → ${p.proof}` : ""}`).join(" | ")}. ` +
    `Ask for ${profile.meetingAsk}. ` +
    "Plain text, no markdown, no placeholders or brackets, 90-160 words for email, under 300 characters for LinkedIn. " +
    "Use only facts given to you; never invent numbers or news. " +
    (channel === "EMAIL" ? "End with a short sign-off such as \"Best,\" and no name: the sender's signature is added below when the email is sent. " : "End with the sender's first name. ") +
    (format === "text" ? ' Write the first line as "Subject: <subject>", then one empty line, then the body.' : "")
  );
}

function draftFacts(template: { subject: string | null; body: string }, context: MergeContext, insights: string[], channel: string): string {
  return JSON.stringify({ channel, recipient: context.person, account: context.account, dossier: context.dossier, insights, sender: context.sender, event: context.event, templateAsGuidance: template });
}

async function composeWithAi(template: { subject: string | null; body: string }, context: MergeContext, insights: string[], channel: string, profile: SellerProfile) {
  return generateStructured({ purpose: "draft", schema: aiDraft, temperature: 0.4, system: draftSystemPrompt(profile, "json", channel), prompt: draftFacts(template, context, insights, channel) });
}

async function insightsFor(person: { id: string; accountId: string | null }): Promise<string[]> {
  const insights = await prisma.insight.findMany({
    where: { OR: [{ personId: person.id }, ...(person.accountId ? [{ accountId: person.accountId }] : [])] },
    orderBy: { createdAt: "desc" }, take: 8, select: { content: true },
  });
  return insights.map((i) => i.content);
}

type DraftRequest = { personIds: string[]; templateId?: string | null; campaignId?: string | null; channel: "EMAIL" | "LINKEDIN" | "CALL" };

/** What every draft of a request shares: the template (or the built-in one), channel, profile, people. */
async function draftInputs(body: DraftRequest, actor: Actor) {
  const eventId = actor.eventId;
  const template = body.templateId ? await getTemplateOrThrow(body.templateId, actor) : null;
  if (body.campaignId) {
    const campaign = await prisma.campaign.findFirst({ where: { id: body.campaignId, eventId, archivedAt: null }, select: { id: true } });
    if (!campaign) throw new AppError("validation_error", "That campaign does not exist in this event", [{ path: "campaignId", message: "Unknown campaign" }]);
  }
  const profile = await getSellerProfile();
  const source = template ? { subject: template.subject, body: template.body } : builtInTemplate(profile);
  const channel = template?.channel ?? body.channel;
  const people = (await prisma.person.findMany({ where: { id: { in: body.personIds } }, select: { id: true, eventId: true, deletedAt: true, name: true, accountId: true, email: true } }))
    .filter((p) => isInActorEvent(actor, "person", p));
  const unknown = body.personIds.filter((id) => !people.some((p) => p.id === id));
  if (unknown.length > 0) throw new AppError("validation_error", "Some people are not in this event", unknown.map((id) => ({ path: "personIds", message: `Unknown person ${id}` })));
  return { template, profile, source, channel, people };
}

type Person = { id: string; name: string; accountId: string | null; email: string | null };

function templateDraft(person: Person, context: MergeContext, source: { subject: string | null; body: string }, channel: string, profile: SellerProfile): GeneratedDraft {
  const deterministic = composeDeterministic(source, context, profile);
  const warnings: string[] = [];
  if (channel === "EMAIL" && !person.email) warnings.push(`${person.name} has no email address`);
  if (deterministic.unknown.length) warnings.push(`Unknown merge fields: ${deterministic.unknown.join(", ")}`);
  return { personId: person.id, personName: person.name, subject: deterministic.subject, message: deterministic.message, generatedBy: "template", how: HOW.noModel, missing: deterministic.missing, warnings };
}

type DraftInputs = Awaited<ReturnType<typeof draftInputs>>;

/** One person's draft: the model's when an endpoint is configured and answers, else the template's (and it says so). */
async function draftFor(person: Person, inputs: DraftInputs, actor: Actor): Promise<GeneratedDraft & { accountId: string | null }> {
  const { profile, source, channel } = inputs;
  const context = await buildMergeContext(person.id, actor.eventId, actor);
  let draft = templateDraft(person, context, source, channel, profile);
  if (isAiConfigured()) {
    try {
      const ai = await composeWithAi(source, context, await insightsFor(person), channel, profile);
      draft = { ...draft, subject: channel === "EMAIL" ? ai.subject : null, message: ai.body, generatedBy: "ai", how: HOW.ai, missing: [] };
    } catch (error) {
      logger.warn({ err: error, personId: person.id }, "AI draft failed; used the template");
      draft.how = HOW.modelFailed;
    }
  }
  return { ...draft, accountId: person.accountId };
}

/** Saves a draft as a DRAFT outreach with its activity, in the caller's transaction. */
async function saveDraft(tx: Prisma.TransactionClient, draft: GeneratedDraft & { accountId: string | null }, inputs: DraftInputs, campaignId: string | null, actor: Actor): Promise<string> {
  const { eventId } = actor;
  const created = await tx.outreach.create({
    data: {
      eventId, personId: draft.personId, accountId: draft.accountId, ownerId: actor.id, campaignId, templateId: inputs.template?.id ?? null,
      channel: inputs.channel, subject: draft.subject, message: draft.message, generatedBy: draft.generatedBy, status: "DRAFT",
    },
    select: { id: true },
  });
  await recordActivity({
    type: "outreach.drafted", description: `Draft ${inputs.channel.toLowerCase()} to ${draft.personName} generated (${draft.generatedBy === "ai" ? "AI" : "template"})`,
    actorId: actor.id, eventId, personId: draft.personId, accountId: draft.accountId, entityType: "outreach", entityId: created.id,
  }, tx);
  return created.id;
}

/** Drafts for a few people, answered in the request (larger selections run as a background job: startBulkDrafts). */
export async function generateDrafts(body: z.infer<typeof generateDraftsBody>, actor: Actor) {
  const inputs = await draftInputs(body, actor);
  if (isAiConfigured()) await reserveAiUnits(actor, body.personIds.length, `Drafting ${body.personIds.length === 1 ? "this message" : `${body.personIds.length} messages`} with AI`);
  const drafts: (GeneratedDraft & { accountId: string | null })[] = [];
  for (const id of body.personIds) drafts.push(await draftFor(inputs.people.find((p) => p.id === id)!, inputs, actor));
  if (!body.save) return drafts.map(({ accountId: _accountId, ...d }) => d);
  return prisma.$transaction(async (tx) => {
    const saved: GeneratedDraft[] = [];
    for (const draft of drafts) {
      const outreachId = await saveDraft(tx, draft, inputs, body.campaignId ?? null, actor);
      const { accountId: _accountId, ...view } = draft;
      saved.push({ ...view, outreachId });
    }
    return saved;
  });
}

export type BulkDraftsInput = { templateId: string | null; campaignId: string | null; channel: "EMAIL" | "LINKEDIN" | "CALL" };

/** Starts drafting for many people as a background job (one item per person); answers with the job. */
export async function startBulkDrafts(body: z.infer<typeof bulkDraftsBody>, actor: Actor) {
  const personIds = [...new Set(body.personIds)];
  const { template, channel, people } = await draftInputs({ ...body, personIds }, actor);
  const input: BulkDraftsInput = { templateId: template?.id ?? null, campaignId: body.campaignId ?? null, channel };
  return createBackgroundJob({
    kind: "drafts", label: `Drafts for ${people.length} ${people.length === 1 ? "person" : "people"}${template ? ` from “${template.name}”` : ""}`,
    eventId: actor.eventId, actor, input, items: personIds.map((id) => ({ key: id, label: people.find((p) => p.id === id)!.name })),
  });
}

/** One item of a bulk drafts job (acting as the person who started it): composed outside the transaction that saves it with the item's DONE mark. */
export async function draftJobItem(input: BulkDraftsInput, personId: string, actor: Actor) {
  const inputs = await draftInputs({ ...input, personIds: [personId] }, actor);
  // One unit of the starter's AI limit per draft: when it is used up the item waits for the next minute.
  if (isAiConfigured()) await reserveAiUnits(actor, 1, "Drafting this message with AI");
  const draft = await draftFor(inputs.people[0], inputs, actor);
  return {
    write: async (tx: Prisma.TransactionClient) => {
      const outreachId = await saveDraft(tx, draft, inputs, input.campaignId, actor);
      return { outreachId, generatedBy: draft.generatedBy, how: draft.how, warnings: draft.warnings };
    },
  };
}

/** "Subject: …" on the first line, then the body: how the streamed draft is written. */
export function splitStreamedDraft(text: string, channel: string): { subject: string | null; body: string } {
  // Scans, not /^\s*subject:[ \t]*(.*)\r?\n/i: its two runs of blanks made it quadratic.
  const start = text.length - text.trimStart().length;
  const newline = text.indexOf("\n", start);
  const firstLine = newline < 0 ? "" : text.slice(start, newline);
  const isSubject = firstLine.slice(0, 8).toLowerCase() === "subject:";
  const subject = isSubject ? firstLine.slice(8).trim() : null;
  const body = (isSubject ? text.slice(newline + 1) : text).trim();
  return { subject: channel === "EMAIL" ? subject : null, body };
}

/**
 * One draft for the composer, streamed as newline-delimited JSON so the rep sees it being
 * written: `{"type":"start","generatedBy"}`, then `{"type":"delta","text"}` pieces of the
 * model's text ("Subject: …", an empty line, the body), then `{"type":"done","draft"}` with the
 * validated result. Without an endpoint — or when the model fails or writes something that does
 * not pass the same checks as a structured draft — "done" carries the template draft and says so.
 */
export async function streamDraft(body: z.infer<typeof streamDraftBody>, actor: Actor): Promise<Response> {
  const eventId = actor.eventId;
  const { profile, source, channel, people } = await draftInputs({ personIds: [body.personId], templateId: body.templateId, channel: body.channel }, actor);
  const person = people[0];
  const context = await buildMergeContext(person.id, eventId, actor);
  const fallback = templateDraft(person, context, source, channel, profile);
  const useAi = isAiConfigured();
  if (useAi) await reserveAiUnits(actor, 1, "Drafting this message with AI");
  const insights = useAi ? await insightsFor(person) : [];
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      send({ type: "start", generatedBy: useAi ? "ai" : "template" });
      if (!useAi) {
        send({ type: "done", draft: fallback });
        controller.close();
        return;
      }
      let failed = false;
      let text = "";
      try {
        const result = streamPlainText({
          purpose: "draft-stream",
          system: draftSystemPrompt(profile, "text", channel),
          prompt: draftFacts(source, context, insights, channel),
          onError: () => (failed = true),
        });
        for await (const delta of result.textStream) {
          text += delta;
          send({ type: "delta", text: delta });
        }
      } catch (error) {
        logger.warn({ error: error instanceof Error ? error.name : "unknown", personId: person.id }, "AI draft stream failed; used the template");
        failed = true;
      }
      const split = splitStreamedDraft(text, channel);
      const checked = aiDraft.safeParse({ subject: split.subject ?? "(no subject)", body: split.body });
      if (failed || !checked.success || (channel === "EMAIL" && !split.subject)) {
        send({ type: "done", draft: { ...fallback, how: HOW.modelFailed } });
      } else {
        send({ type: "done", draft: { ...fallback, subject: split.subject, message: checked.data.body, generatedBy: "ai", how: HOW.ai, missing: [] } });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
}
