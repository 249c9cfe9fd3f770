import { idParams, route } from "@/server/http/route";
import { changeEnrollmentStatus, enrollmentActionBody } from "@/server/sequences/service";

// PATCH /api/enrollments/:id — pause one person's enrollment, or resume/retry it
export const PATCH = route({ params: idParams, body: enrollmentActionBody }, ({ actor, params, body }) => changeEnrollmentStatus(params.id, body.action, actor));
