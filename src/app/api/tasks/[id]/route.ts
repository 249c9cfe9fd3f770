import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { completeTask, updateTaskBody } from "@/server/sequences/tasks";

// PATCH /api/tasks/:id — mark a sequence task done or skipped
export const PATCH = route({ params: idParams, body: updateTaskBody }, async ({ user, params, body }) => completeTask(params.id, body.status, await eventIdFor(user), user));
