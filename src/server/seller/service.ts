import { recordActivity } from "@/server/activity/service";
import { prisma, type DbTx } from "@/server/db";
import { readSetting, writeSetting } from "@/server/settings/store";
import { DEFAULT_SELLER_PROFILE, sellerProfileSchema, type SellerProfile } from "@/server/seller/profile";
import type { TeamActor } from "@/server/access/actor";

/** The seller profile lives in one Setting row; until an admin saves one, the shipped default applies. */
const SELLER_PROFILE_KEY = "seller.profile";

export async function getSellerProfile(db: DbTx = prisma): Promise<SellerProfile> {
  return (await readSetting(SELLER_PROFILE_KEY, sellerProfileSchema, db))?.value ?? DEFAULT_SELLER_PROFILE;
}

export async function getSellerProfileWithMeta(db: DbTx = prisma) {
  const stored = await readSetting(SELLER_PROFILE_KEY, sellerProfileSchema, db);
  return { profile: stored?.value ?? DEFAULT_SELLER_PROFILE, isDefault: !stored, updatedAt: stored?.updatedAt ?? null };
}

export async function updateSellerProfile(profile: SellerProfile, actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    await writeSetting(SELLER_PROFILE_KEY, profile, actor.id, tx);
    await recordActivity(
      { type: "settings.seller_profile_updated", description: `${actor.name ?? actor.email} updated the product profile (${profile.productName})`, actorId: actor.id, entityType: "setting", entityId: SELLER_PROFILE_KEY },
      tx,
    );
    return { profile, isDefault: false };
  });
}

/** Back to the shipped default (yard management). */
export async function resetSellerProfile(actor: TeamActor) {
  return prisma.$transaction(async (tx) => {
    await tx.setting.deleteMany({ where: { key: SELLER_PROFILE_KEY } });
    await recordActivity(
      { type: "settings.seller_profile_reset", description: `${actor.name ?? actor.email} reset the product profile to the default`, actorId: actor.id, entityType: "setting", entityId: SELLER_PROFILE_KEY },
      tx,
    );
    return { profile: DEFAULT_SELLER_PROFILE, isDefault: true };
  });
}
