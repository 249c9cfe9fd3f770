import { idParams, route } from "@/server/http/route";
import { purgeDeletion } from "@/server/trash/service";

// DELETE /api/trash/:id — delete what one delete moved to the Trash, for good (admins)
export const DELETE = route({ access: "admin", params: idParams }, ({ actor, params }) => purgeDeletion(params.id, actor));
