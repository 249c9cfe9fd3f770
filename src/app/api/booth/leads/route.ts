import { route } from "@/server/http/route";
import { captureLeadBody } from "@/lib/booth/schemas";
import { captureLead } from "@/server/booth/leads";

// POST /api/booth/leads — quick capture of a walk-up: match person/account or create them
export const POST = route({ body: captureLeadBody, status: 201 }, ({ actor, body }) => captureLead(body, actor));
