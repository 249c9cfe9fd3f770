import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { ASSUMPTION_META, calculateRoi, defaultAssumptions, ROI_EXPLANATION, roiAssumptionsSchema, type AssumptionKey } from "./model";

export const roiQuery = roiAssumptionsSchema.partial().extend({ accountId: z.string().min(1).max(64).optional() });
export type RoiQuery = z.infer<typeof roiQuery>;

/** The ROI model for an account (or for no account: generic defaults), with overrides applied. */
export async function calculateAccountRoi(query: RoiQuery, actor: Actor, db: DbTx = prisma) {
  const { accountId, ...overrides } = query;
  let account: { id: string; name: string; facilityCount: number | null; employeeCount: number | null; revenue: bigint | null; industry: string | null } | null = null;
  if (accountId) {
    account = inActorEvent(actor, "account", await db.targetAccount.findUnique({ where: { id: accountId }, select: { id: true, eventId: true, name: true, facilityCount: true, employeeCount: true, revenue: true, industry: true } }));
  }
  const defaults = defaultAssumptions(account ?? { facilityCount: null, employeeCount: null, revenue: null, industry: null });
  const values = { ...defaults.values };
  const sources = { ...defaults.sources };
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
    assumptions,
    result: calculateRoi(values),
    explanation: ROI_EXPLANATION,
  };
}
export type AccountRoi = Awaited<ReturnType<typeof calculateAccountRoi>>;
