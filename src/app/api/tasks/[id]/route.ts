import { idParams, route } from "@/server/http/route";
import { completeTask, updateTaskBody } from "@/server/sequences/tasks";

// PATCH /api/tasks/:id — mark a sequence task done or skipped
export const PATCH = route({ params: idParams, body: updateTaskBody }, ({ actor, params, body }) => completeTask(params.id, body.status, actor));
