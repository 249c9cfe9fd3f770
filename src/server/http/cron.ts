import { randomUUID, timingSafeEqual, createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { errorResponse, json } from "@/server/http/route";

/**
 * Wrapper for Vercel Cron routes: `Authorization: Bearer $CRON_SECRET`, compared in constant
 * time. With no CRON_SECRET configured every call is refused (use the npm script locally).
 */
export function cronRoute(handler: (ctx: { req: NextRequest; now: Date; requestId: string }) => Promise<unknown>) {
  return async function handle(req: NextRequest): Promise<Response> {
    const requestId = randomUUID();
    try {
      if (!isAuthorizedCron(req.headers.get("authorization"), env().CRON_SECRET)) {
        throw new AppError("unauthorized", "Missing or wrong cron secret");
      }
      const result = await handler({ req, now: new Date(), requestId });
      return json({ success: true, data: result ?? null }, 200, requestId);
    } catch (error) {
      return errorResponse(error, requestId, { path: req.nextUrl.pathname });
    }
  };
}

export function isAuthorizedCron(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  // Hash both sides so the comparison is constant-time regardless of length.
  const given = createHash("sha256").update(header).digest();
  const expected = createHash("sha256").update(`Bearer ${secret}`).digest();
  return timingSafeEqual(given, expected);
}
