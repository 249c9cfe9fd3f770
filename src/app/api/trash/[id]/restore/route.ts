import { idParams, route } from "@/server/http/route";
import { restoreDeletion } from "@/server/trash/service";

// POST /api/trash/:id/restore — put back everything one delete moved to the Trash
export const POST = route({ params: idParams }, ({ actor, params }) => restoreDeletion(params.id, actor));
