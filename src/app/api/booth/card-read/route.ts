import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { cardReadBody, readBusinessCard } from "@/server/booth/card-reading";

// POST /api/booth/card-read — a business-card photo read by the AI endpoint, as a suggestion to confirm
export const POST = route({ body: cardReadBody, maxBodyBytes: 1_500_000, rateLimit: () => RATE_LIMITS.ai }, ({ body }) => readBusinessCard(body.image));
