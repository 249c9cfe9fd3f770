import { idParams, route } from "@/server/http/route";
import { deleteSavedView } from "@/server/saved-views/service";

// DELETE /api/saved-views/:id — delete one of the caller's saved views
export const DELETE = route({ event: "optional", params: idParams }, ({ params, actor }) => deleteSavedView(params.id, actor));
