import { route } from "@/server/http/route";
import { sellerProfileSchema } from "@/server/seller/profile";
import { getSellerProfileWithMeta, resetSellerProfile, updateSellerProfile } from "@/server/seller/service";

// GET /api/settings/product — the seller profile ("Our product") in force
export const GET = route({ event: "optional" }, () => getSellerProfileWithMeta());

// PUT /api/settings/product — admins replace the seller profile
export const PUT = route({ access: "admin", body: sellerProfileSchema, event: "optional" }, ({ actor, body }) => updateSellerProfile(body, actor));

// DELETE /api/settings/product — admins go back to the shipped default profile
export const DELETE = route({ access: "admin", event: "optional" }, ({ actor }) => resetSellerProfile(actor));
