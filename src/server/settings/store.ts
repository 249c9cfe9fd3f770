import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbTx } from "@/server/db";

/**
 * A team-wide setting is one JSON row of `settings`, keyed by name. It is read through its schema:
 * no row, or a row an older version wrote that no longer parses, reads as null and the caller's
 * default applies. A write records who made it.
 */
export async function readSetting<T>(key: string, schema: z.ZodType<T>, db: DbTx = prisma): Promise<{ value: T; updatedAt: Date } | null> {
  const row = await db.setting.findUnique({ where: { key } });
  const parsed = schema.safeParse(row?.value);
  return parsed.success && row ? { value: parsed.data, updatedAt: row.updatedAt } : null;
}

export async function writeSetting(key: string, value: Prisma.InputJsonValue, actorId: string, db: DbTx) {
  await db.setting.upsert({ where: { key }, create: { key, value, updatedBy: actorId }, update: { value, updatedBy: actorId } });
}
