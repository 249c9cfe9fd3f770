/**
 * Who may call each API route, by file (relative to src/app/api) and verb. The route
 * inventory test fails when a route file or verb has no rule here, so every new route must
 * state its access rule.
 *   user    — any signed-in teammate (401 without a session)
 *   admin   — admins only (401 anonymous, 403 for a rep)
 *   public  — no session needed (health, tracking)
 *   cron    — Bearer CRON_SECRET (401 otherwise)
 *   webhook — provider signature or secret (401/403 otherwise)
 *   auth    — Auth.js's own endpoints
 */
export type Access = "user" | "admin" | "public" | "cron" | "webhook" | "auth";

export const ROUTE_RULES: Record<string, Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Access>>> = {
  "auth/[...nextauth]/route.ts": { GET: "auth", POST: "auth" },
  "health/route.ts": { GET: "public" },
  "me/route.ts": { GET: "user", PATCH: "user" },
  "events/route.ts": { GET: "user" },
  "team/route.ts": { GET: "user" },
  "team/invites/route.ts": { POST: "admin" },
  "team/invites/[id]/route.ts": { DELETE: "admin" },
  "team/[id]/route.ts": { PATCH: "admin", DELETE: "admin" },
  "dashboards/stats/route.ts": { GET: "user" },
  "analytics/heatmap/route.ts": { GET: "user" },
  "reports/route.ts": { GET: "user", POST: "user" },
  "reports/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "reports/pdf/route.ts": { POST: "user" },
  "export/full/route.ts": { GET: "admin" },
  "presence/route.ts": { GET: "user", POST: "user" },
  "activities/route.ts": { GET: "user" },
};
