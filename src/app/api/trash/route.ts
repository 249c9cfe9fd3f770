import { route } from "@/server/http/route";
import { listTrash } from "@/server/trash/service";

// GET /api/trash — the event's Trash: what was deleted, by whom, when it is purged (reps: their own deletes)
export const GET = route({}, ({ actor }) => listTrash(actor));
