import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { readSetting, writeSetting } from "@/server/settings/store";
import { DEFAULT_WINDOW, type SendingWindow } from "@/server/email/sending-window";

/** The team's sending window (Setting "outreach.sendingWindow"); admins change it. */
const KEY = "outreach.sendingWindow";

export const sendingWindowBody = z
  .strictObject({
    days: z.array(z.number().int().min(0).max(6)).min(1, "Pick at least one day").max(7),
    startHour: z.number().int().min(0).max(23),
    endHour: z.number().int().min(1).max(24),
  })
  .refine((w) => w.endHour > w.startHour, { message: "The window must end after it starts", path: ["endHour"] });

export async function getSendingWindow(db: DbTx = prisma): Promise<SendingWindow> {
  const stored = await readSetting(KEY, sendingWindowBody, db);
  return stored ? { ...stored.value, days: [...new Set(stored.value.days)].sort() } : DEFAULT_WINDOW;
}

export async function updateSendingWindow(body: z.infer<typeof sendingWindowBody>, actor: { id: string }) {
  const value = { days: [...new Set(body.days)].sort(), startHour: body.startHour, endHour: body.endHour };
  return prisma.$transaction(async (tx) => {
    await writeSetting(KEY, value, actor.id, tx);
    await recordActivity({ type: "settings.sending_window", description: `Sending window set to ${describeWindow(value)}`, actorId: actor.id, entityType: "setting", entityId: KEY, metadata: value }, tx);
    return value;
  });
}

const DAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export function describeWindow(w: SendingWindow): string {
  const days = w.days.length === 7 ? "every day" : w.days.join() === "1,2,3,4,5" ? "Mon–Fri" : w.days.map((d) => DAY[d]).join(", ");
  const hours = w.startHour === 0 && w.endHour === 24 ? "all day" : `${String(w.startHour).padStart(2, "0")}:00–${String(w.endHour).padStart(2, "0")}:00`;
  return `${days}, ${hours} in the recipient's time zone`;
}
