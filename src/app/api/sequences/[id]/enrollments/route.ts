import { idParams, route } from "@/server/http/route";
import { listEnrollments } from "@/server/sequences/service";

// GET /api/sequences/:id/enrollments — who is in the sequence, where, and what comes next
export const GET = route({ params: idParams }, async ({ actor, params }) => {
  const items = await listEnrollments(params.id, actor);
  return { items, total: items.length, page: 1, pageSize: items.length, hasMore: false };
});
