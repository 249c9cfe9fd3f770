import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { recordActivity } from "@/server/activity/service";
import type { TeamActor } from "@/server/access/actor";

/** A saved view is one user's named list filter: the list page's query string, kept as is. */

export const SAVED_VIEW_SCOPES = ["accounts", "people"] as const;
export const listSavedViewsQuery = z.strictObject({ scope: z.enum(SAVED_VIEW_SCOPES) });
export const createSavedViewBody = z.strictObject({
  scope: z.enum(SAVED_VIEW_SCOPES),
  name: z.string().trim().min(1, "Name the view").max(80),
  // Only the filter part of a URL: no leading "?", no page number.
  query: z
    .string()
    .trim()
    .max(2000)
    .transform((q) => {
      const params = new URLSearchParams(q.replace(/^\?/, ""));
      params.delete("page");
      return params.toString();
    }),
});

export async function listSavedViews(userId: string, scope: (typeof SAVED_VIEW_SCOPES)[number], db: DbTx = prisma) {
  return db.savedView.findMany({ where: { userId, scope }, orderBy: { name: "asc" }, select: { id: true, scope: true, name: true, query: true, createdAt: true } });
}

export async function createSavedView(body: z.infer<typeof createSavedViewBody>, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    const view = await tx.savedView.create({ data: { ...body, userId: actor.id }, select: { id: true, scope: true, name: true, query: true, createdAt: true } });
    await recordActivity(
      { type: "saved_view.created", description: `${actor.name ?? actor.email} saved the ${body.scope} view “${body.name}”`, actorId: actor.id, entityType: "saved_view", entityId: view.id },
      tx,
    );
    return view;
  });
}

export async function deleteSavedView(id: string, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    // Another user's view is reported as missing: views are private.
    const view = await tx.savedView.findFirst({ where: { id, userId: actor.id } });
    if (!view) throw new AppError("not_found", "Saved view not found");
    await tx.savedView.delete({ where: { id } });
    await recordActivity(
      { type: "saved_view.deleted", description: `${actor.name ?? actor.email} deleted the ${view.scope} view “${view.name}”`, actorId: actor.id, entityType: "saved_view", entityId: id },
      tx,
    );
    return { id, deleted: true };
  });
}
