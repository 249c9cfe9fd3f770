import { idParams, route } from "@/server/http/route";
import { disconnectMailbox } from "@/server/mailboxes/service";

// DELETE /api/mailboxes/:id — stop syncing a mailbox and erase its password
export const DELETE = route({ event: "optional", params: idParams }, ({ actor, params }) => disconnectMailbox(params.id, actor));
