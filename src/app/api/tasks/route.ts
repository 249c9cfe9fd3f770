import { route } from "@/server/http/route";
import { listMyTasks } from "@/server/sequences/tasks";

// GET /api/tasks — my LinkedIn and call steps due today (and overdue)
export const GET = route({}, async ({ actor }) => {
  const { items, total } = await listMyTasks(actor);
  return { items, total, page: 1, pageSize: total, hasMore: false };
});
