// Auth.js endpoints: sign-in (magic link, Google), callback, sign-out, session.
import { handlers } from "@/server/auth";

export const { GET, POST } = handlers;
