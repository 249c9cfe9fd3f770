import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { ratesOf } from "@/server/outreach/stats";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { eventScopeField } from "@/server/access/actor";

export const createCampaignBody = z.strictObject({
  name: z.string().trim().min(1, "Give the campaign a name").max(120),
  description: z.string().trim().max(2000).nullish(),
  ...eventScopeField,
});
export const updateCampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(2000).nullish(),
});
export const listCampaignsQuery = z.object({ ...eventScopeField });

const campaignSelect = {
  id: true, eventId: true, name: true, description: true, createdAt: true, updatedAt: true,
  owner: { select: { id: true, name: true } },
} as const;

// The rates come from rollup_campaigns (kept by triggers on outreach, by the rates' rules; migration
// 20261207060000_activity_and_campaign_counts): counting each campaign's messages took 2.5 s for the
// page at the xl dataset. A campaign without messages has no row yet: all zeros.
const withCounts = { ...campaignSelect, counts: { omit: { campaignId: true } } } as const;
const NO_MESSAGES = { n: 0, drafts: 0, queued: 0, sent: 0, opened: 0, clicked: 0, replied: 0, bounced: 0 };

function withRates<C extends { counts: typeof NO_MESSAGES | null }>({ counts, ...campaign }: C) {
  const { n: total, ...c } = counts ?? NO_MESSAGES;
  return { ...campaign, rates: ratesOf({ total, ...c }) };
}

/** Campaigns of an event with the same rates the outreach list shows. */
export async function listCampaigns(actor: Actor, db: DbTx = prisma) {
  const campaigns = await db.campaign.findMany({ where: { eventId: actor.eventId, archivedAt: null }, orderBy: { createdAt: "desc" }, select: withCounts });
  return campaigns.map(withRates);
}

export async function getCampaignOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  return withRates(inActorEvent(actor, "campaign", await db.campaign.findFirst({ where: { id, archivedAt: null }, select: withCounts })));
}

export async function createCampaign(body: z.infer<typeof createCampaignBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({ data: { eventId, ownerId: actor.id, name: body.name, description: body.description ?? null }, select: campaignSelect });
    await recordActivity({ type: "campaign.created", description: `Campaign "${campaign.name}" created`, actorId: actor.id, eventId, entityType: "campaign", entityId: campaign.id }, tx);
    return campaign;
  });
}

export async function updateCampaign(id: string, body: z.infer<typeof updateCampaignBody>, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getCampaignOrThrow(id, actor, tx);
    assertCan(actor, "campaign", "edit", ownedBy(current.owner));
    const campaign = await tx.campaign.update({ where: { id }, data: body, select: campaignSelect });
    await recordActivity({ type: "campaign.updated", description: `Campaign "${campaign.name}" updated`, actorId: actor.id, eventId, entityType: "campaign", entityId: id }, tx);
    return campaign;
  });
}

export async function archiveCampaign(id: string, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const current = await getCampaignOrThrow(id, actor, tx);
    assertCan(actor, "campaign", "archive", ownedBy(current.owner));
    await tx.campaign.update({ where: { id }, data: { archivedAt: new Date() } });
    await recordActivity({ type: "campaign.archived", description: `Campaign "${current.name}" archived`, actorId: actor.id, eventId, entityType: "campaign", entityId: id }, tx);
    return { id };
  });
}
