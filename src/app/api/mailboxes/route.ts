import { route } from "@/server/http/route";
import { RATE_LIMITS } from "@/server/http/rate-limit";
import { connectMailboxBody, connectMailbox, listMailboxes } from "@/server/mailboxes/service";

// GET /api/mailboxes — my connected mailbox and the shared ones (admins: all), with their sync state
export const GET = route({}, ({ user }) => listMailboxes(user));

// POST /api/mailboxes — connect an IMAP mailbox for reply sync (checks the login first; shared: admins)
export const POST = route({ body: connectMailboxBody, status: 201, rateLimit: RATE_LIMITS.mailbox }, ({ user, body }) => connectMailbox(body, user));
