import { idParams, route } from "@/server/http/route";
import { enrollBody, enrollPeople } from "@/server/sequences/service";

// POST /api/sequences/:id/enroll — enroll people (ids, or everyone at an account); says who was skipped and why
export const POST = route({ params: idParams, body: enrollBody }, ({ actor, params, body }) => enrollPeople(params.id, body, actor));
