import { idParams, route } from "@/server/http/route";
import { removeSuppression } from "@/server/suppressions/service";

// DELETE /api/suppressions/:id — admins only: allow email to an address again
export const DELETE = route({ event: "optional", params: idParams, access: "admin" }, ({ actor, params }) => removeSuppression(params.id, actor));
