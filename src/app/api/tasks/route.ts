import { route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { listMyTasks } from "@/server/sequences/tasks";

// GET /api/tasks — my LinkedIn and call steps due today (and overdue)
export const GET = route({}, async ({ user }) => {
  const { items, total } = await listMyTasks(user.id, await eventIdFor(user));
  return { items, total, page: 1, pageSize: total, hasMore: false };
});
