import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z, type ZodType } from "zod";
import { logger } from "@/server/logger";
import { AppError, toAppError, validationError } from "@/server/http/errors";
import { clientIp } from "@/server/http/client-ip";
import { enforceCounted, enforceRateLimit, RATE_LIMITS, userCounter, type RateLimitRule } from "@/server/http/rate-limit";
import { assertStorableInput, readJsonBody } from "@/server/http/input";
import { reportError } from "@/server/http/report";
import { findActor, requireEvent, type Actor, type TeamActor } from "@/server/access/actor";
import { getUserBySessionToken, sessionTokenFromCookieHeader } from "@/server/users/session";
import { assertPageEventCurrent } from "@/server/events/service";
import { paginationFields } from "@/server/http/pagination";
import { stageTimer, type StageTimer } from "@/server/http/server-timing";

/**
 * The one wrapper every API route goes through: request id, same-origin check for writes,
 * session and role, rate limit, zod parsing of params/query/body, the actor (who acts, on which
 * event: src/server/access/actor.ts), the success envelope, and the only catch that turns errors
 * into responses.
 */

type Access = "user" | "admin" | "public";
type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Options<P, Q, B> = {
  /** Who may call: a signed-in user (default), an admin, or anyone (health, tracking …). */
  access?: Access;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Success status, e.g. 201 for creates. */
  status?: number;
  /** A rule, or a function giving it (read per request: rules whose size comes from env()). */
  rateLimit?: RateLimitRule | (() => RateLimitRule) | false;
  /** Skip the same-origin check (signed webhooks). */
  crossOrigin?: boolean;
  /** Largest accepted JSON body in bytes (see input.ts: checked while reading, not after). */
  maxBodyBytes?: number;
  /** The route changes which event the user works in (switching, the events admin): it may act while the page shows another one. */
  anyEvent?: boolean;
  /**
   * Whether the route needs an event (default "required": 404 when none exists yet). "optional"
   * routes (team, settings, events themselves) also work before the first event is created.
   */
  event?: EventNeed;
};

type EventNeed = "required" | "optional";

export type HandlerContext<P, Q, B, X> = {
  req: NextRequest;
  /** Who acts, on which event; null on public routes. */
  actor: X;
  params: P;
  query: Q;
  body: B;
  requestId: string;
};

type ActorFor<A, E> = A extends "public" ? null : E extends "optional" ? TeamActor : Actor;

const DEFAULT_MAX_BODY = 1_000_000;

export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined, A extends Access = "user", E extends EventNeed = "required">(
  options: Options<P, Q, B> & { access?: A; event?: E },
  handler: (ctx: HandlerContext<P, Q, B, ActorFor<A, E>>) => Promise<unknown> | unknown,
) {
  return async function handle(req: NextRequest, context: RouteContext): Promise<Response> {
    const started = performance.now();
    const requestId = requestIdFrom(req);
    let userId: string | undefined;
    const response = await respond();
    logRequest(req, response.status, requestId, userId, started);
    return response;

    async function respond(): Promise<Response> {
      const timer = stageTimer();
      try {
        if (!options.crossOrigin) assertSameOrigin(req);
        const access = options.access ?? "user";
        const limit = options.rateLimit === undefined ? RATE_LIMITS.api : typeof options.rateLimit === "function" ? options.rateLimit() : options.rateLimit;
        // A signed-in user's request is counted in the session's own round trip (users/session.ts).
        const counter = limit ? userCounter(limit) : undefined;
        const user = await getUserBySessionToken(sessionTokenFromCookieHeader(req.headers.get("cookie")), new Date(), counter);
        timer?.lap("session");
        userId = user?.id;
        if (access !== "public" && !user) throw new AppError("unauthorized", "Sign in to continue");
        if (access === "admin" && user?.role !== "ADMIN") throw new AppError("forbidden", "Only an admin can do this.");

        if (user && !options.anyEvent && !SAFE_METHODS.has(req.method)) await assertPageEventCurrent(req.headers.get("x-event-id"), user);

        if (limit && counter && user?.counted !== undefined) await enforceCounted(limit, counter, user.counted);
        else if (limit) await enforceRateLimit(limit, user ? `user:${user.id}` : `ip:${clientIp(req)}`);
        timer?.lap("limit");

        const params = parseWith(options.params, await context.params, "path parameters") as P;
        const query = parseWith(options.query, Object.fromEntries(req.nextUrl.searchParams), "query") as Q;
        const body = options.body ? (parseWith(options.body, await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY), "body") as B) : (undefined as B);

        let actor: TeamActor | null = null;
        if (access !== "public" && user) {
          actor = await findActor(user, requestedEventId(query, body));
          if ((options.event ?? "required") === "required") actor = requireEvent(actor);
        }
        timer?.lap("actor");

        const result = await handler({ req, actor: actor as ActorFor<A, E>, params, query, body, requestId });
        timer?.lap("handler");
        if (result instanceof Response) return withTiming(result, timer);
        const response = json({ success: true, data: result ?? null }, options.status ?? 200, requestId);
        timer?.lap("json");
        return withTiming(response, timer);
      } catch (error) {
        return errorResponse(error, requestId, { userId, method: req.method, path: loggablePath(req.nextUrl.pathname) });
      }
    }
  };
}

function withTiming(response: Response, timer: StageTimer | null): Response {
  if (!timer) return response;
  try {
    response.headers.set("server-timing", timer.header());
  } catch {
    // Response.redirect() and fetched responses have immutable headers: they go without timings.
  }
  return response;
}

/**
 * The event a request names: `eventId` in its query or body, when the route's schema declares it
 * (eventScopeField). Naming two different events is refused rather than guessed.
 */
function requestedEventId(query: unknown, body: unknown): string | undefined {
  const fromQuery = eventIdOf(query);
  const fromBody = eventIdOf(body);
  if (fromQuery && fromBody && fromQuery !== fromBody) {
    throw new AppError("validation_error", "The query and the body name different events", [{ path: "eventId", message: "Name one event" }]);
  }
  return fromQuery ?? fromBody;
}

function eventIdOf(value: unknown): string | undefined {
  if (!value || typeof value !== "object" || !("eventId" in value)) return undefined;
  const id = (value as { eventId: unknown }).eventId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** A caller's x-request-id is kept only when it is short and plain, so it cannot forge log lines. */
function requestIdFrom(req: NextRequest): string {
  const given = req.headers.get("x-request-id");
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * One access-log line per API request: who, what, how it ended, how long it took. Never the
 * query string, body, cookies or headers; path segments that are secrets or tokens (inbound
 * webhook secret, tracking/unsubscribe tokens) are masked by loggablePath.
 */
function logRequest(req: NextRequest, status: number, requestId: string, userId: string | undefined, started: number) {
  logger.info(
    { requestId, method: req.method, path: loggablePath(req.nextUrl.pathname), status, durationMs: Math.round(performance.now() - started), userId: userId ?? null },
    "request",
  );
}

const SECRET_SEGMENT_AFTER = new Set(["inbound", "o", "c", "unsubscribe"]);

/** The path with secret-bearing segments masked: record ids (cuid, 25 chars) stay readable. */
export function loggablePath(pathname: string): string {
  const segments = pathname.split("/");
  return segments
    .map((segment, i) => (segment.length > 32 || (i > 0 && SECRET_SEGMENT_AFTER.has(segments[i - 1]) && segment !== "") ? ":redacted" : segment))
    .join("/");
}

export function errorResponse(error: unknown, requestId: string, context: Record<string, unknown> = {}): Response {
  const { appError, unexpected } = toAppError(error);
  if (unexpected) {
    logger.error({ err: error, requestId, ...context }, "unhandled error in route");
    reportError(error, { requestId, ...context });
  }
  const body: Record<string, unknown> = { success: false, error: appError.message, code: appError.code };
  if (appError.details !== undefined) body.details = appError.details;
  return json(body, appError.status, requestId, appError.headers);
}

/** JSON response that also serialises BigInt (revenue) and Dates. */
export function json(body: unknown, status = 200, requestId?: string, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body, (_key, value) => (typeof value === "bigint" ? Number(value) : value));
  return new Response(text, {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...(requestId ? { "x-request-id": requestId } : {}),
      ...headers,
    },
  });
}

function parseWith<T>(schema: ZodType<T> | undefined, input: unknown, where: string): T | Record<string, never> {
  if (!schema) return {};
  assertStorableInput(input, where);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, where, schema);
  return parsed.data;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: browsers send Sec-Fetch-Site and Origin on cross-site requests; a state change
 * is accepted only from our own origin. Non-browser clients send neither and are not at risk.
 */
function assertSameOrigin(req: NextRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new AppError("forbidden", "Cross-site requests are not allowed");
  }
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") {
    const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError("forbidden", "Cross-site requests are not allowed");
    }
    if (host && originHost !== host) throw new AppError("forbidden", "Cross-site requests are not allowed");
  }
}

// Shared param/query schemas routes reuse.
export const idParams = z.object({ id: z.string().min(1).max(64) });
export const paginationQuery = z.object({
  ...paginationFields({ pageSize: 50, maxPageSize: 200 }),
});
