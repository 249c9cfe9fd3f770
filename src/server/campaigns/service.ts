import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { outreachRates } from "@/server/outreach/stats";
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

/** Campaigns of an event with the same rates the outreach list shows. */
export async function listCampaigns(actor: Actor, db: DbTx = prisma) {
  const campaigns = await db.campaign.findMany({ where: { eventId: actor.eventId, archivedAt: null }, orderBy: { createdAt: "desc" }, select: campaignSelect });
  return Promise.all(campaigns.map(async (c) => ({ ...c, rates: await outreachRates({ campaignId: c.id }, db) })));
}

export async function getCampaignOrThrow(id: string, actor: Actor, db: DbTx = prisma) {
  const campaign = inActorEvent(actor, "campaign", await db.campaign.findFirst({ where: { id, archivedAt: null }, select: campaignSelect }));
  return { ...campaign, rates: await outreachRates({ campaignId: id }, db) };
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
