import { idParams, route } from "@/server/http/route";
import { simulateInboundBody, simulateProspectMail } from "@/server/inbound/dev-mailbox";

// POST /api/dev/mailbox/:id/simulate — demo mode: answer a captured message as the prospect (reply, out-of-office, bounce)
export const POST = route({ event: "optional", params: idParams, body: simulateInboundBody }, ({ params, body }) => simulateProspectMail(params.id, body.kind));
