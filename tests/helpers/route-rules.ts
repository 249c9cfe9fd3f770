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
  "events/route.ts": { GET: "user", POST: "admin" },
  "events/[id]/route.ts": { PATCH: "admin" },
  "meetings/route.ts": { GET: "user", POST: "user" },
  "meetings/attendees/route.ts": { GET: "user" },
  "meetings/context/route.ts": { GET: "user" },
  "meetings/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "meetings/[id]/ics/route.ts": { GET: "user" },
  "meetings/[id]/check-in/route.ts": { POST: "user" },
  "meetings/[id]/complete/route.ts": { POST: "user" },
  "meetings/[id]/no-show/route.ts": { POST: "user" },
  "booth/leads/route.ts": { POST: "user" },
  "team/route.ts": { GET: "user" },
  "team/invites/route.ts": { POST: "admin" },
  "team/invites/[id]/route.ts": { DELETE: "admin" },
  "team/[id]/route.ts": { PATCH: "admin", DELETE: "admin" },
  "accounts/route.ts": { GET: "user", POST: "user" },
  "accounts/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "accounts/bulk/route.ts": { POST: "user" },
  "people/route.ts": { GET: "user", POST: "user" },
  "people/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "people/bulk/route.ts": { POST: "user" },
  "saved-views/route.ts": { GET: "user", POST: "user" },
  "saved-views/[id]/route.ts": { DELETE: "user" },
  "ai/score-icp/route.ts": { POST: "user" },
  "ai/score-icp/weights/route.ts": { GET: "user", PUT: "admin" },
  "roi/calculate/route.ts": { GET: "user" },
  "import/route.ts": { GET: "user", POST: "user" },
  "import/preview/route.ts": { POST: "user" },
  "import/[id]/undo/route.ts": { POST: "user" },
  "research/candidates/route.ts": { GET: "user" },
  "research/run/route.ts": { POST: "user" },
  "research/accounts/[id]/route.ts": { GET: "user", POST: "user" },
  "dashboards/stats/route.ts": { GET: "user" },
  "analytics/heatmap/route.ts": { GET: "user" },
  "reports/route.ts": { GET: "user", POST: "user" },
  "reports/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "reports/pdf/route.ts": { POST: "user" },
  "export/full/route.ts": { GET: "admin" },
  "presence/route.ts": { GET: "user", POST: "user" },
  "activities/route.ts": { GET: "user" },
  "outreach/route.ts": { GET: "user", POST: "user" },
  "outreach/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "outreach/[id]/send/route.ts": { POST: "user" },
  "outreach/[id]/reply/route.ts": { POST: "user" },
  "outreach/generate/route.ts": { POST: "user" },
  "outreach/stats/route.ts": { GET: "user" },
  "outreach/recipients/route.ts": { GET: "user" },
  "outreach/process-queue/route.ts": { GET: "cron" },
  "outreach/settings/route.ts": { GET: "user", PUT: "admin" },
  "templates/route.ts": { GET: "user", POST: "user" },
  "templates/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "templates/preview/route.ts": { POST: "user" },
  "campaigns/route.ts": { GET: "user", POST: "user" },
  "campaigns/[id]/route.ts": { GET: "user", PATCH: "user", DELETE: "user" },
  "suppressions/route.ts": { GET: "user", POST: "user" },
  "suppressions/[id]/route.ts": { DELETE: "admin" },
  "t/o/[token]/route.ts": { GET: "public" },
  "t/c/[token]/route.ts": { GET: "public" },
  "unsubscribe/[token]/route.ts": { POST: "public" },
  "webhooks/sendgrid/route.ts": { POST: "webhook" },
  "webhooks/inbound/[secret]/route.ts": { POST: "webhook" },
};
