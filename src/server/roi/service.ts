import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { ASSUMPTION_META, calculateRoi, defaultAssumptions, ROI_EXPLANATION, roiAssumptionsSchema, type AssumptionKey } from "./model";

/**
 * The ROI model for an account. An assumption's value comes from, in order: what the request
 * asks for (trying a number before keeping it), what the team saved for this account, and the
 * default derived from the account's own data. Saved assumptions are kept per account with who
 * changed them last; every change is an activity listing what changed from what to what.
 */
export const roiQuery = roiAssumptionsSchema.partial().extend({ accountId: z.string().min(1).max(64).optional() });
export type RoiQuery = z.infer<typeof roiQuery>;
export const saveRoiBody = z.strictObject({ values: roiAssumptionsSchema.partial() });

type Values = Partial<Record<AssumptionKey, number>>;

function savedValues(json: Prisma.JsonValue | undefined): Values {
  const parsed = roiAssumptionsSchema.partial().safeParse(json ?? {});
  return parsed.success ? parsed.data : {};
}

export async function calculateAccountRoi(query: RoiQuery, db: DbTx = prisma) {
  const { accountId, ...overrides } = query;
  let account: { id: string; name: string; facilityCount: number | null; employeeCount: number | null; revenue: bigint | null; industry: string | null; roi: { values: Prisma.JsonValue; updatedAt: Date; updatedBy: { name: string | null; email: string } | null } | null } | null = null;
  if (accountId) {
    account = await db.targetAccount.findUnique({
      where: { id: accountId },
      select: { id: true, name: true, facilityCount: true, employeeCount: true, revenue: true, industry: true, roi: { select: { values: true, updatedAt: true, updatedBy: { select: { name: true, email: true } } } } },
    });
    if (!account) throw new AppError("not_found", "Account not found");
  }
  const defaults = defaultAssumptions(account ?? { facilityCount: null, employeeCount: null, revenue: null, industry: null });
  const values = { ...defaults.values };
  const sources: Record<AssumptionKey, string> = { ...defaults.sources };
  const saved = savedValues(account?.roi?.values);
  for (const [key, value] of Object.entries(saved) as [AssumptionKey, number][]) {
    values[key] = value;
    sources[key] = "saved";
  }
  for (const [key, value] of Object.entries(overrides) as [AssumptionKey, number | undefined][]) {
    if (value === undefined) continue;
    values[key] = value;
    sources[key] = "override";
  }
  const assumptions = (Object.keys(ASSUMPTION_META) as AssumptionKey[]).map((key) => ({
    key,
    ...ASSUMPTION_META[key],
    value: values[key],
    default: defaults.values[key],
    source: sources[key],
    note: defaults.notes[key] ?? null,
  }));
  return {
    account: account ? { id: account.id, name: account.name } : null,
    saved: account?.roi ? { values: saved, updatedAt: account.roi.updatedAt, updatedBy: account.roi.updatedBy ? (account.roi.updatedBy.name ?? account.roi.updatedBy.email) : null } : null,
    assumptions,
    result: calculateRoi(values),
    explanation: ROI_EXPLANATION,
  };
}
export type AccountRoi = Awaited<ReturnType<typeof calculateAccountRoi>>;

/** Keeps the assumptions changed for an account (an empty set goes back to the defaults). */
export async function saveAccountRoi(accountId: string, values: Values, actor: { id: string; name: string | null; email: string }) {
  await prisma.$transaction(async (tx) => {
    const account = await tx.targetAccount.findUnique({ where: { id: accountId }, select: { id: true, name: true, eventId: true, roi: { select: { values: true } } } });
    if (!account) throw new AppError("not_found", "Account not found");
    const before = savedValues(account.roi?.values);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(values)])] as AssumptionKey[];
    const changes = Object.fromEntries(keys.filter((k) => before[k] !== values[k]).map((k) => [k, { from: before[k] ?? null, to: values[k] ?? null }]));
    if (Object.keys(changes).length === 0) return;
    if (Object.keys(values).length === 0) await tx.roiAssumptions.deleteMany({ where: { accountId } });
    else await tx.roiAssumptions.upsert({ where: { accountId }, create: { accountId, values, updatedById: actor.id }, update: { values, updatedById: actor.id } });
    const said = Object.entries(changes).map(([k, c]) => `${ASSUMPTION_META[k as AssumptionKey].label} ${c.from ?? "default"} → ${c.to ?? "default"}`);
    await recordActivity({
      type: "roi.updated",
      description: Object.keys(values).length === 0
        ? `${actor.name ?? actor.email} reset the ROI assumptions of ${account.name} to the defaults`
        : `${actor.name ?? actor.email} changed the ROI assumptions of ${account.name}: ${said.join("; ")}`,
      actorId: actor.id, eventId: account.eventId, accountId, entityType: "account", entityId: accountId,
      metadata: { changes },
    }, tx);
  });
  return calculateAccountRoi({ accountId });
}
