// Auth.js endpoints: sign-in (magic link, Google), callback, sign-out, session.
import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { withReadableAuthInput } from "@/server/http/input";

// Malformed cookies and callback URLs are dropped first: Auth.js would answer them with a 500.
export const GET = (req: NextRequest) => handlers.GET(withReadableAuthInput(req));
export const POST = (req: NextRequest) => handlers.POST(withReadableAuthInput(req));
