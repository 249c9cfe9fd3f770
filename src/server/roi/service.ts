import { z } from "zod";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import type { Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { getSellerProfile } from "@/server/seller/service";
import type { AssumptionSource } from "./model";
import { ROI_TEMPLATES } from "./templates";

/**
 * The ROI model for an account (or for no account: generic defaults) with overrides applied.
 * Which model (its inputs and formulas) comes from the seller profile's ROI template; the
 * profile's own default numbers replace the template's generic ones, and the account's facts
 * and the rep's overrides come on top.
 */
export const roiQuery = z
  .object({ accountId: z.string().min(1).max(64).optional() })
  .catchall(z.coerce.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(100_000_000_000));
export type RoiQuery = z.infer<typeof roiQuery>;

export async function calculateAccountRoi(query: RoiQuery, actor: Actor, db: DbTx = prisma) {
  const { accountId, ...overrides } = query;
  let account: { id: string; name: string; facilityCount: number | null; employeeCount: number | null; revenue: bigint | null; industry: string | null } | null = null;
  if (accountId) {
    account = inActorEvent(actor, "account", await db.targetAccount.findUnique({ where: { id: accountId }, select: { id: true, eventId: true, deletedAt: true, name: true, facilityCount: true, employeeCount: true, revenue: true, industry: true } }));
  }
  const profile = await getSellerProfile(db);
  const template = ROI_TEMPLATES[profile.roiTemplate];
  const unknown = Object.keys(overrides).filter((key) => !(key in template.inputs));
  if (unknown.length) {
    throw new AppError("validation_error", `Unknown assumption: ${unknown.join(", ")}`, unknown.map((key) => ({ path: key, message: `Not an input of the ${template.label} model` })));
  }
  const defaults = template.defaults(account ?? { facilityCount: null, employeeCount: null, revenue: null, industry: null });
  const values = { ...defaults.values };
  const sources: Record<string, AssumptionSource> = { ...defaults.sources };
  for (const [key, value] of Object.entries(profile.roiDefaults)) {
    if (key in template.inputs && sources[key] === "default") values[key] = value;
  }
  const baseline = { ...values };
  const issues: { path: string; message: string }[] = [];
  for (const [key, value] of Object.entries(overrides) as [string, number][]) {
    const meta = template.inputs[key];
    if (value > meta.max) issues.push({ path: key, message: `At most ${meta.max.toLocaleString("en-US")}` });
    else if (meta.integer && !Number.isInteger(value)) issues.push({ path: key, message: "Enter a whole number" });
    values[key] = value;
    sources[key] = "override";
  }
  if (issues.length) throw new AppError("validation_error", `Invalid query — ${issues[0].path}: ${issues[0].message}`, issues);
  const assumptions = Object.entries(template.inputs).map(([key, meta]) => ({
    key,
    label: meta.label,
    unit: meta.unit,
    group: meta.group,
    value: values[key],
    default: baseline[key],
    source: sources[key],
    note: defaults.notes[key] ?? null,
  }));
  return {
    account: account ? { id: account.id, name: account.name } : null,
    model: { id: template.id, label: template.label, productName: profile.productName },
    assumptions,
    result: template.calculate(values),
    explanation: template.explanation,
  };
}
export type AccountRoi = Awaited<ReturnType<typeof calculateAccountRoi>>;
