import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { readSetting, writeSetting } from "@/server/settings/store";
import { AppError } from "@/server/http/errors";

/**
 * The privacy settings an admin keeps (Setting "privacy.settings"): the sending organisation's
 * name and postal address that every commercial email's footer carries (CAN-SPAM, CASL, the EU's
 * ePrivacy rules all want them), and how many months after an event ends never-engaged prospects
 * are kept before the retention run erases them (null: kept until someone erases them).
 */
const KEY = "privacy.settings";

const line = (label: string, max: number) => z.string().trim().max(max, `${label} is at most ${max} characters`);

export const privacySettingsBody = z.strictObject({
  organizationName: line("The organisation's name", 200),
  postalAddress: line("The postal address", 500),
  retentionMonths: z.number().int().min(1, "Keep prospects at least 1 month").max(120, "Keep prospects at most 120 months (10 years)").nullable(),
});
export type PrivacySettings = z.infer<typeof privacySettingsBody>;

const EMPTY: PrivacySettings = { organizationName: "", postalAddress: "", retentionMonths: null };

export async function getPrivacySettings(db: DbTx = prisma): Promise<PrivacySettings> {
  return (await readSetting(KEY, privacySettingsBody, db))?.value ?? EMPTY;
}

export async function updatePrivacySettings(body: PrivacySettings, actor: { id: string }) {
  return prisma.$transaction(async (tx) => {
    await writeSetting(KEY, body, actor.id, tx);
    const retention = body.retentionMonths === null ? "kept until erased" : `erased ${body.retentionMonths} months after the event ends`;
    await recordActivity(
      { type: "settings.privacy", description: `Privacy settings changed: sender ${body.organizationName || "not set"}; never-engaged prospects ${retention}`, actorId: actor.id, entityType: "setting", entityId: KEY, metadata: body },
      tx,
    );
    return body;
  });
}

export const FOOTER_SETUP_MESSAGE =
  "Before EventOps sends real email, an admin must enter your organisation's name and postal address in Settings → Privacy: the law requires them in every commercial email's footer.";

/** The footer's sender lines; real sending refuses until they are set (the dev mailbox may send without). */
export async function senderIdentityForSending(realMail: boolean, db: DbTx = prisma): Promise<{ organizationName: string; postalAddress: string } | null> {
  const { organizationName, postalAddress } = await getPrivacySettings(db);
  if (organizationName && postalAddress) return { organizationName, postalAddress };
  if (!realMail) return null;
  throw new AppError("conflict", FOOTER_SETUP_MESSAGE, { code: "sender_identity_missing" });
}
