import { z } from "zod";
import { AppError } from "@/server/http/errors";
import type { DbTx } from "@/server/db";
import { prisma } from "@/server/db";

/** Helpers the account and people services share: list query parsing, filters, paging, diffs. */

// A comma-separated query value ("A,B") or a repeated one, validated item by item.
export function csvEnum<T extends [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(200)
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));
}

export const sortDir = z.enum(["asc", "desc"]);
const icpBound = z.coerce.number().int().min(0).max(100);
export { idString } from "@/lib/fields/define";

/** `%term%` for ILIKE with the user's own % and _ taken literally (Prisma's `contains` did not). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "me" → the caller, "unassigned" → null, else a user id. */
export function assigneeFilter(value: string | undefined, userId: string): string | null | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "me") return userId;
  if (value === "unassigned") return null;
  return value;
}

/** Field-by-field differences for the activity log (BigInt and Date as plain JSON). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    const a = norm(before[key]);
    const b = norm(after[key]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = { from: a, to: b };
  }
  return out;
}
function norm(v: unknown): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v ?? null;
}

/** A bulk action's selection must all be found (live, in the actor's event), or nothing changes: 404 naming each unknown id. */
export function assertAllFound(ids: readonly string[], found: readonly { id: string }[], noun: { plural: string; one: string }) {
  if (found.length === ids.length) return;
  const known = new Set(found.map((r) => r.id));
  throw new AppError("not_found", `Some ${noun.plural} no longer exist`, ids.filter((i) => !known.has(i)).map((i) => ({ path: "ids", message: `Unknown ${noun.one} ${i}` })));
}

/** Checks the teammate records are handed to, and answers how an activity names them ("nobody": unassigned). */
export async function assertAssignee(assignedToId: string | null | undefined, db: DbTx = prisma): Promise<string> {
  if (!assignedToId) return "nobody";
  const user = await db.user.findFirst({ where: { id: assignedToId, disabledAt: null }, select: { name: true, email: true } });
  if (!user) throw new AppError("validation_error", "That teammate does not exist", [{ path: "assignedToId", message: "Unknown teammate" }]);
  return user.name ?? user.email;
}
