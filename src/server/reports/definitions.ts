import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { recordActivity } from "@/server/activity/service";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { reportConfig, type ReportConfig } from "@/server/reports/config";
import type { PaginatedResponse } from "@/types/api";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields, readPage, type PageQuery } from "@/server/http/pagination";

/** Saved report definitions belong to an event; the team sees them all, only the owner or an admin changes one. */
export const createReportBody = z.strictObject({
  ...eventScopeField,
  name: z.string().trim().min(1, "Give the report a name").max(120),
  config: reportConfig,
});
export const updateReportBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  config: reportConfig.optional(),
});
export const listReportsQuery = z.object({
  ...eventScopeField,
  ...paginationFields({ pageSize: 50, maxPageSize: 100 }),
});

const select = {
  id: true, eventId: true, name: true, config: true, createdAt: true, updatedAt: true,
  owner: { select: { id: true, name: true, email: true } },
} as const;

export type ReportDefinitionView = { id: string; eventId: string; name: string; config: ReportConfig; createdAt: Date; updatedAt: Date; owner: { id: string; name: string | null; email: string } | null };

function view<T extends { config: unknown }>(row: T): Omit<T, "config"> & { config: ReportConfig } {
  // Stored configs were validated on write; parse again so older shapes get today's defaults.
  const parsed = reportConfig.safeParse(row.config);
  return { ...row, config: parsed.success ? parsed.data : reportConfig.parse({}) };
}

export async function listReportDefinitions(actor: Actor, window: PageQuery = { page: 1, pageSize: 50 }, db: DbTx = prisma): Promise<PaginatedResponse<ReportDefinitionView>> {
  const eventId = actor.eventId;
  return readPage(
    window,
    async (rows) => (await db.reportDefinition.findMany({ where: { eventId }, orderBy: { updatedAt: "desc" }, ...rows, select })).map(view),
    () => db.reportDefinition.count({ where: { eventId } }),
  );
}

export async function getReportDefinition(id: string, actor: Actor, db: DbTx = prisma): Promise<ReportDefinitionView> {
  return view(inActorEvent(actor, "report", await db.reportDefinition.findUnique({ where: { id }, select })));
}

export async function createReportDefinition(input: { name: string; config: ReportConfig }, actor: Actor) {
  const eventId = actor.eventId;
  return prisma.$transaction(async (tx) => {
    const row = await tx.reportDefinition.create({ data: { eventId, ownerId: actor.id, name: input.name, config: input.config }, select });
    await recordActivity({ type: "report.created", description: `Saved the report "${input.name}"`, actorId: actor.id, eventId, entityType: "report", entityId: row.id }, tx);
    return view(row);
  });
}

export async function updateReportDefinition(id: string, input: z.infer<typeof updateReportBody>, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const current = await getReportDefinition(id, actor, tx);
    assertCan(actor, "report", "edit", ownedBy(current.owner));
    const row = await tx.reportDefinition.update({ where: { id }, data: { name: input.name, config: input.config }, select });
    await recordActivity({ type: "report.updated", description: `Updated the report "${row.name}"`, actorId: actor.id, eventId: row.eventId, entityType: "report", entityId: id }, tx);
    return view(row);
  });
}

export async function deleteReportDefinition(id: string, actor: Actor) {
  return prisma.$transaction(async (tx) => {
    const current = await getReportDefinition(id, actor, tx);
    assertCan(actor, "report", "delete", ownedBy(current.owner));
    await tx.reportDefinition.delete({ where: { id } });
    await recordActivity({ type: "report.deleted", description: `Deleted the report "${current.name}"`, actorId: actor.id, eventId: current.eventId, entityType: "report", entityId: id }, tx);
    return { id };
  });
}
