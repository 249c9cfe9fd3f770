import { route } from "@/server/http/route";
import { enrollCaptures, enrollCapturesBody } from "@/server/booth/captures";

// POST /api/booth/captures/enroll — one tap: a show day's captures into a post-show sequence
export const POST = route({ body: enrollCapturesBody }, ({ actor, body }) => enrollCaptures(actor, body));
