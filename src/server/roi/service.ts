import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { activityAbout, recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { actorName, type Actor } from "@/server/access/actor";
import { inActorEvent } from "@/server/access/scope";
import { assertCan, ownedBy } from "@/server/access/permissions";
import { getSellerProfile } from "@/server/seller/service";
import type { AssumptionSource } from "./model";
import { ROI_TEMPLATES, type RoiTemplate } from "./templates";
import { formatCount } from "@/lib/numbers";

/**
 * The ROI model for an account (or for no account: generic defaults). Which model (its inputs
 * and formulas) comes from the seller profile's ROI template; the profile's own default numbers
 * replace the template's generic ones, the account's facts come on top, then what the team saved
 * for this account, then what the request asks for (trying a number before keeping it). Saved
 * assumptions are kept per account with who changed them last; every change is an activity
 * listing what changed from what to what.
 */
const assumptionValue = z.coerce.number({ error: "Enter a number" }).min(0, "Cannot be negative").max(100_000_000_000);
export const roiQuery = z.object({ accountId: z.string().min(1).max(64).optional() }).catchall(assumptionValue);
export type RoiQuery = { accountId?: string } & Record<string, number | string | undefined>;
export const saveRoiBody = z.strictObject({ values: z.record(z.string().min(1).max(64), assumptionValue) });

type Values = Record<string, number>;

/** Refuses keys the model does not have and values beyond an input's bounds (one issue per input). */
function checkValues(template: RoiTemplate, values: Values, prefix = "") {
  const unknown = Object.keys(values).filter((key) => !(key in template.inputs));
  if (unknown.length) {
    throw new AppError("validation_error", `Unknown assumption: ${unknown.join(", ")}`, unknown.map((key) => ({ path: `${prefix}${key}`, message: `Not an input of the ${template.label} model` })));
  }
  const issues: { path: string; message: string; code: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const meta = template.inputs[key];
    const min = meta.min ?? 0;
    // The same sentence the one zod mapping (src/lib/validation.ts) says for a number out of range.
    const range = `Between ${formatCount(min)} and ${formatCount(meta.max)}`;
    if (value < min) issues.push({ path: `${prefix}${key}`, message: range, code: "too_small" });
    else if (value > meta.max) issues.push({ path: `${prefix}${key}`, message: range, code: "too_big" });
    else if (meta.integer && !Number.isInteger(value)) issues.push({ path: `${prefix}${key}`, message: "Enter a whole number", code: "invalid_type" });
  }
  if (issues.length) throw new AppError("validation_error", `Invalid query — ${issues[0].path}: ${issues[0].message}`, issues);
}

/** Saved values of the current model only (a profile that switched models keeps the old ones unused). */
function savedValues(json: Prisma.JsonValue | undefined, template: RoiTemplate): Values {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json).filter((e): e is [string, number] => e[0] in template.inputs && typeof e[1] === "number" && Number.isFinite(e[1])),
  );
}

export async function calculateAccountRoi(query: RoiQuery, actor: Actor, db: DbTx = prisma) {
  const { accountId, ...rest } = query;
  const overrides = rest as Record<string, number>;
  let account: {
    id: string; name: string; facilityCount: number | null; employeeCount: number | null; revenue: bigint | null; industry: string | null;
    roi: { values: Prisma.JsonValue; updatedAt: Date; updatedBy: { name: string | null; email: string } | null } | null;
  } | null = null;
  if (accountId) {
    account = inActorEvent(actor, "account", await db.targetAccount.findUnique({
      where: { id: accountId },
      select: {
        id: true, eventId: true, deletedAt: true, name: true, facilityCount: true, employeeCount: true, revenue: true, industry: true,
        roi: { select: { values: true, updatedAt: true, updatedBy: { select: { name: true, email: true } } } },
      },
    }));
  }
  const profile = await getSellerProfile(db);
  const template = ROI_TEMPLATES[profile.roiTemplate];
  checkValues(template, overrides);
  const defaults = template.defaults(account ?? { facilityCount: null, employeeCount: null, revenue: null, industry: null });
  const values = { ...defaults.values };
  const sources: Record<string, AssumptionSource> = { ...defaults.sources };
  for (const [key, value] of Object.entries(profile.roiDefaults)) {
    if (key in template.inputs && sources[key] === "default") values[key] = value;
  }
  const baseline = { ...values };
  const saved = savedValues(account?.roi?.values, template);
  for (const [key, value] of Object.entries(saved)) {
    values[key] = value;
    sources[key] = "saved";
  }
  for (const [key, value] of Object.entries(overrides)) {
    values[key] = value;
    sources[key] = "override";
  }
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
    saved: account?.roi ? { values: saved, updatedAt: account.roi.updatedAt, updatedBy: account.roi.updatedBy ? (account.roi.updatedBy.name ?? account.roi.updatedBy.email) : null } : null,
    assumptions,
    result: template.calculate(values),
    explanation: template.explanation,
  };
}
type AccountRoi = Awaited<ReturnType<typeof calculateAccountRoi>>;

/** Keeps the assumptions changed for an account (an empty set goes back to the defaults). */
export async function saveAccountRoi(accountId: string, values: Values, actor: Actor) {
  await prisma.$transaction(async (tx) => {
    const account = inActorEvent(actor, "account", await tx.targetAccount.findUnique({ where: { id: accountId }, select: { id: true, name: true, eventId: true, deletedAt: true, assignedTo: { select: { id: true, name: true, email: true } }, roi: { select: { values: true } } } }));
    // The assumptions are part of the account: whoever may edit the account may change them.
    assertCan(actor, "account", "edit", ownedBy(account.assignedTo));
    const template = ROI_TEMPLATES[(await getSellerProfile(tx)).roiTemplate];
    checkValues(template, values, "values.");
    const before = savedValues(account.roi?.values, template);
    const keys = [...new Set([...Object.keys(before), ...Object.keys(values)])];
    const changes = Object.fromEntries(keys.filter((k) => before[k] !== values[k]).map((k) => [k, { from: before[k] ?? null, to: values[k] ?? null }]));
    if (Object.keys(changes).length === 0) return;
    if (Object.keys(values).length === 0) await tx.roiAssumptions.deleteMany({ where: { accountId } });
    else await tx.roiAssumptions.upsert({ where: { accountId }, create: { accountId, values, updatedById: actor.id }, update: { values, updatedById: actor.id } });
    const said = Object.entries(changes).map(([k, c]) => `${template.inputs[k].label} ${c.from ?? "default"} → ${c.to ?? "default"}`);
    const who = actorName(actor);
    await recordActivity({
      type: "roi.updated",
      description: Object.keys(values).length === 0
        ? `${who} reset the ROI assumptions of ${account.name} to the defaults`
        : `${who} changed the ROI assumptions of ${account.name}: ${said.join("; ")}`,
      ...activityAbout("account", account, actor.id),
      metadata: { changes },
    }, tx);
  });
  return calculateAccountRoi({ accountId }, actor);
}
