import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { completeJson, isAiConfigured } from "@/server/ai/client";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { logger } from "@/server/logger";
import type { generateDraftsBody } from "@/server/outreach/schemas";
import type { Actor } from "@/server/outreach/service";
import { renderMessage, type MergeContext } from "@/lib/merge-fields";
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

Best,`,
};

const HOW = {
  noModel: "No AI model is configured, so this draft is the template filled in with their details. Read it and make it yours before sending.",
  modelFailed: "The AI model did not answer, so this draft is the template filled in with their details. Read it and make it yours before sending.",
  ai: "Written by the AI model from their details, their company's research and the template. Check the facts before sending.",
};

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
          "Use only facts given to you; never invent numbers or news. " +
          (channel === "EMAIL" ? "End with a short sign-off such as \"Best,\" and no name: the sender's signature is added below when the email is sent. " : "End with the sender's first name. ") +
          'Answer as JSON: {"subject": string, "body": string}.',
      },
      {
        role: "user",
        content: JSON.stringify({ channel, recipient: context.person, account: context.account, dossier: context.dossier, insights, sender: context.sender, event: context.event, templateAsGuidance: template }),
      },
    ],
  });
}

export async function generateDrafts(body: z.infer<typeof generateDraftsBody>, eventId: string, actor: Actor & { name: string | null; email: string }) {
  const template = body.templateId ? await getTemplateOrThrow(body.templateId, eventId) : null;
  if (body.campaignId) {
    const campaign = await prisma.campaign.findFirst({ where: { id: body.campaignId, eventId, archivedAt: null }, select: { id: true } });
    if (!campaign) throw new AppError("validation_error", "That campaign does not exist in this event", [{ path: "campaignId", message: "Unknown campaign" }]);
  }
  const source = template ? { subject: template.subject, body: template.body } : BUILT_IN_TEMPLATE;
  const channel = template?.channel ?? body.channel;
  const people = await prisma.person.findMany({ where: { id: { in: body.personIds }, eventId }, select: { id: true, name: true, accountId: true, email: true } });
  const unknown = body.personIds.filter((id) => !people.some((p) => p.id === id));
  if (unknown.length > 0) throw new AppError("validation_error", "Some people are not in this event", unknown.map((id) => ({ path: "personIds", message: `Unknown person ${id}` })));

  const useAi = isAiConfigured();
  const drafts: (GeneratedDraft & { accountId: string | null })[] = [];
  for (const id of body.personIds) {
    const person = people.find((p) => p.id === id)!;
    const context = await buildMergeContext(person.id, eventId, actor);
    const deterministic = renderMessage(source, context);
    const warnings: string[] = [];
    if (channel === "EMAIL" && !person.email) warnings.push(`${person.name} has no email address`);
    if (deterministic.unknown.length) warnings.push(`Unknown merge fields: ${deterministic.unknown.join(", ")}`);
    let draft: GeneratedDraft = {
      personId: person.id, personName: person.name, subject: deterministic.subject, message: deterministic.message,
      generatedBy: "template", how: useAi ? "" : HOW.noModel, missing: deterministic.missing, warnings,
    };
    if (useAi) {
      try {
        const insights = await prisma.insight.findMany({
          where: { OR: [{ personId: person.id }, ...(person.accountId ? [{ accountId: person.accountId }] : [])] },
          orderBy: { createdAt: "desc" }, take: 8, select: { content: true },
        });
        const ai = await composeWithAi(source, context, insights.map((i) => i.content), channel);
        draft = { ...draft, subject: channel === "EMAIL" ? ai.subject : null, message: ai.body, generatedBy: "ai", how: HOW.ai, missing: [] };
      } catch (error) {
        logger.warn({ err: error, personId: person.id }, "AI draft failed; used the template");
        draft.how = HOW.modelFailed;
      }
    }
    drafts.push({ ...draft, accountId: person.accountId });
  }

  if (!body.save) return drafts.map(({ accountId: _accountId, ...d }) => d);

  return prisma.$transaction(async (tx) => {
    const saved: GeneratedDraft[] = [];
    for (const { accountId, ...draft } of drafts) {
      const created = await tx.outreach.create({
        data: {
          eventId, personId: draft.personId, accountId, ownerId: actor.id, campaignId: body.campaignId ?? null, templateId: template?.id ?? null,
          channel, subject: draft.subject, message: draft.message, generatedBy: draft.generatedBy, status: "DRAFT",
        },
        select: { id: true },
      });
      await recordActivity({
        type: "outreach.drafted", description: `Draft ${channel.toLowerCase()} to ${draft.personName} generated (${draft.generatedBy === "ai" ? "AI" : "template"})`,
        actorId: actor.id, eventId, personId: draft.personId, accountId, entityType: "outreach", entityId: created.id,
      }, tx);
      saved.push({ ...draft, outreachId: created.id });
    }
    return saved;
  });
}
