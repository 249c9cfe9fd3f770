import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { listEnrollments } from "@/server/sequences/service";

// GET /api/sequences/:id/enrollments — who is in the sequence, where, and what comes next
export const GET = route({ params: idParams }, async ({ user, params }) => {
  const items = await listEnrollments(params.id, await eventIdFor(user));
  return { items, total: items.length, page: 1, pageSize: items.length, hasMore: false };
});
