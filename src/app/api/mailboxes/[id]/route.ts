import { idParams, route } from "@/server/http/route";
import { disconnectMailbox } from "@/server/mailboxes/service";

// DELETE /api/mailboxes/:id — stop syncing a mailbox and erase its password
export const DELETE = route({ params: idParams }, ({ user, params }) => disconnectMailbox(params.id, user));
