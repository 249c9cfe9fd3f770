import { idParams, route } from "@/server/http/route";
import { revokeInvite } from "@/server/team/service";

// DELETE /api/team/invites/:id — revoke a pending invite (admins)
export const DELETE = route({ event: "optional", access: "admin", params: idParams }, ({ params, actor }) => revokeInvite(params.id, actor));
