import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { connectMailboxBody, connectMailbox, listMailboxes } from "@/server/mailboxes/service";

// GET /api/mailboxes — my connected mailbox and the shared ones (admins: all), with their sync state
export const GET = route({ event: "optional" }, ({ actor }) => listMailboxes(actor));

// POST /api/mailboxes — connect an IMAP mailbox for reply sync (checks the login first; shared: admins)
export const POST = route({ event: "optional", body: connectMailboxBody, status: 201, rateLimit: RATE_LIMITS.mailbox }, ({ actor, body }) => connectMailbox(body, actor));
