import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma } from "@/server/db";
import type { TeamActor } from "@/server/access/actor";

/**
 * A rep's own settings: name and title, the signature added under every email they send,
 * their daily send cap (the sending engine spreads mail to stay under it), their time zone
 * (times in the app and the daily digest's 08:00) and how notifications reach them by email.
 */
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const updateMySettingsBody = z
  .strictObject({
    name: z.string().trim().min(1, "Enter your name").max(120),
    title: z.string().trim().max(120).transform((v) => v || null).nullable(),
    signature: z.string().max(2000, "Keep the signature under 2,000 characters").transform((v) => (v.trim() === "" ? null : v.trimEnd())).nullable(),
    dailySendCap: z.number({ error: "Enter a number" }).int("A whole number").min(1, "At least 1 a day").max(2000, "At most 2,000 a day"),
    timeZone: z.string().trim().max(64).refine(isTimeZone, "Pick a time zone from the list, like America/Chicago").nullable(),
    notificationDigest: z.enum(["OFF", "IMMEDIATE", "DAILY"]),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one setting to change" });

const select = { id: true, name: true, email: true, title: true, signature: true, dailySendCap: true, timeZone: true, notificationDigest: true } as const;

export async function getMySettings(userId: string) {
  return prisma.user.findUniqueOrThrow({ where: { id: userId }, select });
}

export async function updateMySettings(actor: TeamActor, body: z.infer<typeof updateMySettingsBody>) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select });
    const updated = await tx.user.update({ where: { id: actor.id }, data: body, select });
    const changed = (Object.keys(body) as (keyof typeof body)[]).filter((k) => before[k] !== updated[k]);
    if (changed.length) {
      await recordActivity({
        type: "user.settings_updated", description: `${actor.name ?? actor.email} changed their ${changed.map((k) => LABELS[k]).join(", ")}`,
        actorId: actor.id, entityType: "user", entityId: actor.id, metadata: { changed },
      }, tx);
    }
    return updated;
  });
}

const LABELS: Record<string, string> = {
  name: "name", title: "title", signature: "signature", dailySendCap: "daily send cap", timeZone: "time zone", notificationDigest: "notification emails",
};
