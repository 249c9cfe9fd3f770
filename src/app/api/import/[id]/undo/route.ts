import { idParams, route } from "@/server/http/route";
import { undoImport } from "@/server/import/service";

// POST /api/import/:id/undo — revert the event's most recent import
export const POST = route({ params: idParams }, ({ actor, params }) => undoImport(params.id, actor));
