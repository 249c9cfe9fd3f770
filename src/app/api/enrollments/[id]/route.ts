import { idParams, route } from "@/server/http/route";
import { eventIdFor } from "@/server/outreach/context";
import { changeEnrollmentStatus, enrollmentActionBody } from "@/server/sequences/service";

// PATCH /api/enrollments/:id — pause one person's enrollment, or resume/retry it
export const PATCH = route({ params: idParams, body: enrollmentActionBody }, async ({ user, params, body }) => changeEnrollmentStatus(params.id, body.action, await eventIdFor(user), user));
