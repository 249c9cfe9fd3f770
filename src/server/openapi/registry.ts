import { erasePersonBody } from "@/server/privacy/erasure";
import { personalDataQuery } from "@/server/privacy/access";
import { privacySettingsBody } from "@/server/privacy/settings";
import type { ZodType } from "zod";
import { bulkAccountsBody, createAccountBody, deleteAccountQuery, listAccountsQuery, updateAccountBody } from "@/server/accounts/service";
import { listActivitiesQuery } from "@/server/activity/feed";
import { heatmapQuery } from "@/server/analytics/heatmap";
import { boothSyncBody, captureLeadBody } from "@/lib/booth/schemas";
import { availabilityBody } from "@/server/booking/availability";
import { cardReadBody } from "@/server/booth/card-reading";
import { enrollCapturesBody, listCapturesQuery } from "@/server/booth/captures";
import { bookSlotBody, bookingTokenParams, eventSlugParams, rescheduleBookingBody, slotsQuery } from "@/server/booking/service";
import { createCampaignBody, listCampaignsQuery, updateCampaignBody } from "@/server/campaigns/service";
import { dashboardStatsQuery } from "@/server/dashboard/overview";
import { inboundParams } from "@/server/inbound/intake";
import { createEventBody, updateEventBody, updateMeBody } from "@/server/events/schemas";
import { exportBody, exportQuery } from "@/server/exports/full-export";
import { idParams } from "@/server/http/route";
import { commitImportBody, commitImportQuery, listImportsQuery, previewImportBody } from "@/server/import/schemas";
import { attendeeSearchQuery, bookingContextQuery, cancelMeetingQuery, completeMeetingBody, createMeetingBody, listMeetingsQuery, meetingOutcomeQuery, noShowBody, updateMeetingBody } from "@/server/meetings/schemas";
import { listJobsQuery, startExportBody } from "@/server/jobs/schemas";
import { sellerProfileSchema } from "@/server/seller/profile";
import { listNotificationsQuery, markReadBody } from "@/server/notifications/service";
import { updateMySettingsBody } from "@/server/users/settings";
import { searchQuery } from "@/server/search/service";
import { createCostBody, listCostsQuery, showPnlQuery, updateCostBody } from "@/server/roi/show-pnl";
import { bulkDraftsBody, createOutreachBody, generateDraftsBody, streamDraftBody, listOutreachQuery, markRepliedBody, recipientsQuery, updateOutreachBody } from "@/server/outreach/schemas";
import { sendingWindowBody } from "@/server/outreach/settings";
import { bulkPeopleBody, createPersonBody, listPeopleQuery, updatePersonBody } from "@/server/people/service";
import { simulateInboundBody } from "@/server/inbound/dev-mailbox";
import { connectMailboxBody } from "@/server/mailboxes/service";
import { heartbeatBody, presenceQuery } from "@/server/presence/service";
import { createReportBody, listReportsQuery, updateReportBody } from "@/server/reports/definitions";
import { reportRenderBody } from "@/server/reports/export";
import { researchCandidatesQuery, runResearchBody } from "@/server/research/schemas";
import { roiQuery, saveRoiBody } from "@/server/roi/service";
import { createSavedViewBody, listSavedViewsQuery } from "@/server/saved-views/service";
import { icpWeightsSchema } from "@/server/scoring/icp";
import { scoreIcpBody } from "@/server/scoring/service";
import { createSequenceBody, enrollBody, listSequencesQuery, sequenceStatusBody, enrollmentActionBody, updateSequenceBody } from "@/server/sequences/service";
import { updateTaskBody } from "@/server/sequences/tasks";
import { createSuppressionBody, listSuppressionsQuery } from "@/server/suppressions/service";
import { inviteBody, updateMemberBody } from "@/server/team/service";
import { createTemplateBody, listTemplatesQuery, previewTemplateBody, updateTemplateBody } from "@/server/templates/service";
import { tokenParams } from "@/server/tracking/http";

/**
 * The API's table of contents: one entry per route file and verb, with the zod schemas the
 * routes themselves parse with (imported from the services, so the docs cannot drift from the
 * validation). The OpenAPI document (document.ts) is built from this list, and
 * tests/integration/openapi.test.ts fails when a route in ROUTE_RULES has no entry here.
 */

export type Access = "user" | "admin" | "public" | "cron" | "webhook";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type Endpoint = {
  method: Method;
  /** OpenAPI path, `{id}` for dynamic segments. */
  path: string;
  summary: string;
  /** Area of the product, used to group the docs. */
  tag: string;
  access: Access;
  /** Success status (200 unless stated). */
  status?: number;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  example?: { request?: unknown; response?: unknown };
};

const EXAMPLES: Record<string, Endpoint["example"]> = {
  "GET /api/health/live": { response: { success: true, data: { status: "live" } } },
  "GET /api/health": { response: { success: true, data: { status: "ok", database: "up", databaseLatencyMs: 1.2, version: "0.1.0", time: "2026-03-10T17:00:00.000Z" } } },
  "POST /api/accounts": {
    request: { name: "Northwind Logistics", domain: "northwind.example", industry: "Logistics", tier: "A" },
    response: { success: true, data: { id: "cm0account0000000000000001", name: "Northwind Logistics", tier: "A", status: "PROSPECTING" } },
  },
  "GET /api/accounts": {
    response: { success: true, data: { items: [{ id: "cm0account0000000000000001", name: "Northwind Logistics", icpScore: 82 }], total: 1, moreThanTotal: false, page: 1, pageSize: 50, hasMore: false } },
  },
  "POST /api/people": {
    request: { firstName: "Dana", lastName: "Reyes", title: "VP Operations", email: "dana@northwind.example", accountId: "cm0account0000000000000001" },
    response: { success: true, data: { id: "cm0person00000000000000001", name: "Dana Reyes" } },
  },
  "GET /api/outreach/stats": {
    response: {
      success: true,
      data: {
        rates: { total: 5, sent: 4, queued: 0, moreThanQueued: false, drafts: 1, opened: 3, clicked: 2, replied: 1, bounced: 0, openRate: 0.75, clickRate: 0.5, replyRate: 0.25, bounceRate: 0 },
        perRep: [],
      },
    },
  },
  "POST /api/meetings": {
    request: { personId: "cm0person00000000000000001", title: "Yard demo", scheduledAt: "2026-03-10T09:30", durationMinutes: 30, locationType: "BOOTH" },
    response: { success: true, data: { id: "cm0meeting0000000000000001", status: "SCHEDULED" } },
  },
};

const ENDPOINTS: Endpoint[] = [
  { method: "GET", path: "/api/openapi.json", summary: "This OpenAPI 3.1 document", tag: "docs", access: "public" },
  { method: "GET", path: "/api/accounts/{id}", summary: "The account with its people, dossier, outreach, meetings and timeline", tag: "accounts", access: "user", params: idParams },
  { method: "PATCH", path: "/api/accounts/{id}", summary: "Change fields of an account", tag: "accounts", access: "user", params: idParams, body: updateAccountBody },
  { method: "DELETE", path: "/api/accounts/{id}", summary: "Move the account to the Trash (its people stay, unlinked, unless ?deletePeople=true)", tag: "accounts", access: "user", params: idParams, query: deleteAccountQuery },
  { method: "POST", path: "/api/accounts/bulk", summary: "Assign, set tier or status, or move many accounts to the Trash at once", tag: "accounts", access: "user", body: bulkAccountsBody },
  { method: "GET", path: "/api/accounts", summary: "Filtered, sorted, paginated accounts of an event", tag: "accounts", access: "user", query: listAccountsQuery },
  { method: "POST", path: "/api/accounts", summary: "Add an account by hand", tag: "accounts", access: "user", status: 201, body: createAccountBody },
  { method: "GET", path: "/api/activities", summary: "The event's activity feed, filtered by type, actor, account, person or name", tag: "activities", access: "user", query: listActivitiesQuery },
  { method: "POST", path: "/api/ai/score-icp", summary: "Score one account or one person now; an eventId starts rescoring the whole event in the background (answers with the job)", tag: "ai", access: "user", body: scoreIcpBody },
  { method: "GET", path: "/api/ai/score-icp/weights", summary: "The ICP weights in force", tag: "ai", access: "user" },
  { method: "PUT", path: "/api/ai/score-icp/weights", summary: "Change the ICP weights (admins)", tag: "ai", access: "admin", body: icpWeightsSchema },
  { method: "GET", path: "/api/analytics/heatmap", summary: "Engagement by weekday × hour (event time zone) and by account × week", tag: "analytics", access: "user", query: heatmapQuery },
  { method: "POST", path: "/api/booth/leads", summary: "Quick capture of a walk-up: match person/account or create them", tag: "booth", access: "user", status: 201, body: captureLeadBody },
  { method: "POST", path: "/api/booth/sync", summary: "The phone's offline queue: captures and meeting actions, each applied once per idempotency key, with a result per operation", tag: "booth", access: "user", body: boothSyncBody },
  { method: "POST", path: "/api/booth/card-read", summary: "Read a business-card photo with the AI endpoint: a suggestion the rep confirms (503 when no endpoint is configured)", tag: "booth", access: "user", body: cardReadBody },
  { method: "GET", path: "/api/booth/captures", summary: "The team's captures at this event, newest first (?rating=hot: the hot leads from the show; ?day=, ?mine=true)", tag: "booth", access: "user", query: listCapturesQuery },
  { method: "GET", path: "/api/booth/captures/{id}/card", summary: "The business-card photo kept with a capture", tag: "booth", access: "user", params: idParams },
  { method: "POST", path: "/api/booth/captures/enroll", summary: "Enroll a show day's captures (optionally one rating) in a sequence; skipped people are listed with the reason", tag: "booth", access: "user", body: enrollCapturesBody },
  { method: "GET", path: "/api/booth/agenda", summary: "Every show day's team meetings with talking points, tier and status (what the phone caches for offline reading)", tag: "booth", access: "user" },
  { method: "GET", path: "/api/campaigns/{id}", summary: "One campaign with its rates (fractions of sent, 0–1)", tag: "campaigns", access: "user", params: idParams },
  { method: "PATCH", path: "/api/campaigns/{id}", summary: "Rename or describe a campaign", tag: "campaigns", access: "user", params: idParams, body: updateCampaignBody },
  { method: "DELETE", path: "/api/campaigns/{id}", summary: "Archive a campaign (its messages stay)", tag: "campaigns", access: "user", params: idParams },
  { method: "GET", path: "/api/campaigns", summary: "Campaigns of the event with their rates (fractions of sent, 0–1)", tag: "campaigns", access: "user", query: listCampaignsQuery },
  { method: "POST", path: "/api/campaigns", summary: "Create a campaign", tag: "campaigns", access: "user", status: 201, body: createCampaignBody },
  { method: "GET", path: "/api/dashboards/stats", summary: "The event's totals, funnel, rates (fractions of sent, 0–1) and recent activity", tag: "dashboards", access: "user", query: dashboardStatsQuery },
  { method: "PATCH", path: "/api/events/{id}", summary: "Edit an event's name, dates, venue, time zone, booth (admins)", tag: "events", access: "admin", params: idParams, body: updateEventBody },
  { method: "GET", path: "/api/events", summary: "Events the team works on", tag: "events", access: "user" },
  { method: "POST", path: "/api/events", summary: "Create an event, optionally copying a previous event's target list (admins)", tag: "events", access: "admin", status: 201, body: createEventBody },
  { method: "GET", path: "/api/export/full", summary: "Stream the event's data as CSV (one entity, or a zip of all), JSON or NDJSON (admins)", tag: "export", access: "admin", query: exportQuery },
  { method: "POST", path: "/api/export/full", summary: "The same export with its options in a JSON body (admins)", tag: "export", access: "admin", body: exportBody },
  { method: "GET", path: "/api/health", summary: "Database reachable and app version; no sign-in needed", tag: "health", access: "public" },
  { method: "GET", path: "/api/health/live", summary: "The process answers (liveness probe): no database, no sign-in", tag: "health", access: "public" },
  { method: "POST", path: "/api/import/{id}/undo", summary: "Revert the event's most recent import (what it created goes to the Trash)", tag: "import", access: "user", params: idParams },
  { method: "POST", path: "/api/import/preview", summary: "Parse a CSV, detect the column mapping, validate every row", tag: "import", access: "user", body: previewImportBody },
  { method: "GET", path: "/api/import", summary: "Import history of the event, newest first", tag: "import", access: "user", query: listImportsQuery },
  { method: "POST", path: "/api/import", summary: "Import accounts and people (?stream=1 answers NDJSON progress, then the report)", tag: "import", access: "user", status: 201, query: commitImportQuery, body: commitImportBody },
  { method: "GET", path: "/api/me", summary: "The signed-in user and their current event", tag: "me", access: "user" },
  { method: "PATCH", path: "/api/me", summary: "Remember the event the user switched to", tag: "me", access: "user", body: updateMeBody },
  { method: "GET", path: "/api/me/availability", summary: "My booth hours at the current event and my public booking link", tag: "booking", access: "user" },
  { method: "PUT", path: "/api/me/availability", summary: "Replace my booth hours at the current event (and optionally my booking link)", tag: "booking", access: "user", body: availabilityBody },
  { method: "GET", path: "/api/booking/{event}", summary: "Public: an event's free booth slots by day (?rep= for one rep's page); reveals no other meeting", tag: "booking", access: "public", params: eventSlugParams, query: slotsQuery },
  { method: "POST", path: "/api/booking/{event}", summary: "Public: a prospect books a free booth slot (honeypot, timing check, rate limited); the invite with a manage link goes out", tag: "booking", access: "public", status: 201, params: eventSlugParams, body: bookSlotBody },
  { method: "GET", path: "/api/booking/manage/{token}", summary: "Public: the prospect's own booking (signed link) and the times it could move to", tag: "booking", access: "public", params: bookingTokenParams },
  { method: "POST", path: "/api/booking/manage/{token}/reschedule", summary: "Public: move the booking; the calendar keeps its UID and SEQUENCE goes up", tag: "booking", access: "public", params: bookingTokenParams, body: rescheduleBookingBody },
  { method: "POST", path: "/api/booking/manage/{token}/cancel", summary: "Public: cancel the booking; the calendar gets METHOD:CANCEL", tag: "booking", access: "public", params: bookingTokenParams },
  { method: "GET", path: "/api/booking/manage/{token}/ics", summary: "Public: the booked meeting's .ics as it stands", tag: "booking", access: "public", params: bookingTokenParams },
  { method: "POST", path: "/api/booking/offer/{token}", summary: "Public: accept a booth slot offered by email (books it when still free)", tag: "booking", access: "public", status: 201, params: bookingTokenParams },
  { method: "POST", path: "/api/meetings/{id}/check-in", summary: "The visitor arrived (before the meeting's day only with ?early=true)", tag: "meetings", access: "user", params: idParams, query: meetingOutcomeQuery },
  { method: "POST", path: "/api/meetings/{id}/complete", summary: "Outcome, next step and optionally the account's next status (before its day only with ?early=true)", tag: "meetings", access: "user", params: idParams, query: meetingOutcomeQuery, body: completeMeetingBody },
  { method: "GET", path: "/api/meetings/{id}/ics", summary: "The calendar file as it stands (REQUEST, or CANCEL once cancelled)", tag: "meetings", access: "user", params: idParams },
  { method: "POST", path: "/api/meetings/{id}/no-show", summary: "The visitor did not come, with an optional note (before its day only with ?early=true)", tag: "meetings", access: "user", params: idParams, query: meetingOutcomeQuery, body: noShowBody },
  { method: "GET", path: "/api/meetings/{id}", summary: "One meeting of the current event", tag: "meetings", access: "user", params: idParams },
  { method: "PATCH", path: "/api/meetings/{id}", summary: "Edit or reschedule (a new time/place sends an updated invite)", tag: "meetings", access: "user", params: idParams, body: updateMeetingBody },
  { method: "DELETE", path: "/api/meetings/{id}", summary: "Cancel (the row stays as CANCELLED; ?notify=false skips METHOD:CANCEL)", tag: "meetings", access: "user", params: idParams, query: cancelMeetingQuery },
  { method: "GET", path: "/api/meetings/attendees", summary: "People of the event to book a meeting with", tag: "meetings", access: "user", query: attendeeSearchQuery },
  { method: "GET", path: "/api/meetings/context", summary: "What the booking dialog needs: event zone and days, team, the person", tag: "meetings", access: "user", query: bookingContextQuery },
  { method: "GET", path: "/api/meetings", summary: "Meetings of the current (or given) event, filtered and paginated", tag: "meetings", access: "user", query: listMeetingsQuery },
  { method: "POST", path: "/api/meetings", summary: "Book a meeting (409 with the conflicts unless allowConflicts), send the invite", tag: "meetings", access: "user", status: 201, body: createMeetingBody },
  { method: "POST", path: "/api/outreach/{id}/reply", summary: "A rep marks that the person replied", tag: "outreach", access: "user", params: idParams, body: markRepliedBody },
  { method: "GET", path: "/api/outreach/{id}", summary: "One message with its tracking history and what went out", tag: "outreach", access: "user", params: idParams },
  { method: "PATCH", path: "/api/outreach/{id}", summary: "Edit a draft or queued message", tag: "outreach", access: "user", params: idParams, body: updateOutreachBody },
  { method: "DELETE", path: "/api/outreach/{id}", summary: "Discard a draft, or cancel a queued or interrupted message", tag: "outreach", access: "user", params: idParams },
  { method: "POST", path: "/api/outreach/{id}/resend", summary: "Send again a message whose send was interrupted (after checking the outbox)", tag: "outreach", access: "user", params: idParams },
  { method: "POST", path: "/api/outreach/generate/bulk", summary: "Draft for many people in the background; answers with the job to follow", tag: "outreach", access: "user", status: 202, body: bulkDraftsBody },
  { method: "GET", path: "/api/jobs", summary: "Your recent background jobs (kind, active), newest first", tag: "jobs", access: "user", query: listJobsQuery },
  { method: "GET", path: "/api/jobs/{id}", summary: "A background job's progress: done/total, current item, failed items, result", tag: "jobs", access: "user", params: idParams },
  { method: "POST", path: "/api/jobs/{id}/cancel", summary: "Stop a background job between items (what is done stays done)", tag: "jobs", access: "user", params: idParams },
  { method: "POST", path: "/api/jobs/{id}/retry", summary: "Run a finished job's failed (or cancelled) items again", tag: "jobs", access: "user", params: idParams },
  { method: "GET", path: "/api/jobs/{id}/download", summary: "The file a finished job produced (a full export)", tag: "jobs", access: "user", params: idParams },
  { method: "GET", path: "/api/jobs/engine", summary: "The job engine: live workers, queue and last runs (admins)", tag: "jobs", access: "admin" },
  { method: "POST", path: "/api/jobs/engine/run", summary: "Queue the periodic work (sequences, queued mail, reminders, notifications) to run now (admins)", tag: "jobs", access: "admin", status: 202 },
  { method: "POST", path: "/api/export/jobs", summary: "Prepare a full export in the background, to download when done (admins)", tag: "export", access: "admin", status: 202, body: startExportBody },
  { method: "GET", path: "/api/cron/jobs", summary: "Vercel Cron (every minute): run due background jobs for ~35 s; reports each run", tag: "jobs", access: "cron" },
  { method: "POST", path: "/api/outreach/{id}/send", summary: "Send now, or queue for the next slot in the sending window", tag: "outreach", access: "user", params: idParams },
  { method: "POST", path: "/api/outreach/generate", summary: "Personalised drafts for up to 3 people, answered at once (larger selections: /api/outreach/generate/bulk)", tag: "outreach", access: "user", body: generateDraftsBody },
  { method: "GET", path: "/api/cron/sequences", summary: "The plan's cron path: the same job-engine drain as /api/cron/jobs (sequence steps are jobs)", tag: "sequences", access: "cron" },
  { method: "GET", path: "/api/cron/meeting-reminders", summary: "Runs the engine's meeting-reminders task now (24 h and 1 h reminders to prospect and rep, each sent once); returns due/sent/failed/alreadySent", tag: "meetings", access: "cron" },
  { method: "GET", path: "/api/sequences", summary: "The event's sequences with enrollment counts", tag: "sequences", access: "user", query: listSequencesQuery },
  { method: "POST", path: "/api/sequences", summary: "Create a sequence (DRAFT) with its steps", tag: "sequences", access: "user", status: 201, body: createSequenceBody },
  { method: "GET", path: "/api/sequences/{id}", summary: "The sequence, its steps and its progress (counts and funnel by step)", tag: "sequences", access: "user", params: idParams },
  { method: "PATCH", path: "/api/sequences/{id}", summary: "Rename, edit or append steps (steps in use are never removed)", tag: "sequences", access: "user", params: idParams, body: updateSequenceBody },
  { method: "POST", path: "/api/sequences/{id}/status", summary: "Activate, pause or archive", tag: "sequences", access: "user", params: idParams, body: sequenceStatusBody },
  { method: "PATCH", path: "/api/enrollments/{id}", summary: "Pause one enrollment, or resume/retry a paused or failed one", tag: "sequences", access: "user", params: idParams, body: enrollmentActionBody },
  { method: "POST", path: "/api/sequences/{id}/enroll", summary: "Enroll people (ids, an account or a saved filter); says who was skipped and why", tag: "sequences", access: "user", params: idParams, body: enrollBody },
  { method: "GET", path: "/api/sequences/{id}/enrollments", summary: "Who is in the sequence, where, and when the next step goes", tag: "sequences", access: "user", params: idParams },
  { method: "GET", path: "/api/tasks", summary: "My LinkedIn and call steps due today (and overdue)", tag: "sequences", access: "user" },
  { method: "PATCH", path: "/api/tasks/{id}", summary: "Mark a sequence task done or skipped", tag: "sequences", access: "user", params: idParams, body: updateTaskBody },
  { method: "GET", path: "/api/outreach/recipients", summary: "People to write to (compose dialog picker)", tag: "outreach", access: "user", query: recipientsQuery },
  { method: "GET", path: "/api/outreach", summary: "List messages with filters (status, channel, rep, campaign, dates)", tag: "outreach", access: "user", query: listOutreachQuery },
  { method: "POST", path: "/api/outreach", summary: "Save a draft for a person", tag: "outreach", access: "user", status: 201, body: createOutreachBody },
  { method: "GET", path: "/api/outreach/settings", summary: "The team's sending window", tag: "outreach", access: "user" },
  { method: "PUT", path: "/api/outreach/settings", summary: "Admins set the sending window (days, hours in the recipient's zone)", tag: "outreach", access: "admin", body: sendingWindowBody },
  { method: "GET", path: "/api/outreach/stats", summary: "Sent/open/click/reply rates (fractions of sent, 0–1) for the filtered messages, overall and per rep", tag: "outreach", access: "user", query: listOutreachQuery },
  { method: "GET", path: "/api/people/{id}", summary: "The person with their account (and dossier) and talking points", tag: "people", access: "user", params: idParams },
  { method: "PATCH", path: "/api/people/{id}", summary: "Change fields of a person", tag: "people", access: "user", params: idParams, body: updatePersonBody },
  { method: "DELETE", path: "/api/people/{id}", summary: "Move a person to the Trash (their sequences stop, queued messages are cancelled; a restore puts both back)", tag: "people", access: "user", params: idParams },
  { method: "GET", path: "/api/trash", summary: "The event's Trash: what was deleted, by whom, and when it is purged (reps see their own deletes)", tag: "trash", access: "user" },
  { method: "POST", path: "/api/trash/{id}/restore", summary: "Restore everything one delete moved to the Trash", tag: "trash", access: "user", params: idParams },
  { method: "DELETE", path: "/api/trash/{id}", summary: "Delete what one delete moved to the Trash, for good (admins)", tag: "trash", access: "admin", params: idParams },
  { method: "POST", path: "/api/people/{id}/erase", summary: "Admins erase a person's personal data everywhere (every row with the same address), leaving a hashed tombstone that refuses them later", tag: "privacy", access: "admin", params: idParams, body: erasePersonBody },
  { method: "GET", path: "/api/people/{id}/personal-data", summary: "Admins get everything held about a person, as a readable HTML page or a JSON file (logged as an activity)", tag: "privacy", access: "admin", params: idParams, query: personalDataQuery },
  { method: "GET", path: "/api/settings/privacy", summary: "The sender's organisation name and postal address for the email footer, and the retention period", tag: "privacy", access: "user" },
  { method: "PUT", path: "/api/settings/privacy", summary: "Set the sender identity and the retention period (admins)", tag: "privacy", access: "admin", body: privacySettingsBody },
  { method: "GET", path: "/api/settings/privacy/retention-preview", summary: "Who the retention run erases within the next week (admins)", tag: "privacy", access: "admin" },
  { method: "GET", path: "/api/cron/retention", summary: "Cron: erase never-engaged prospects whose retention period is over", tag: "privacy", access: "cron" },
  { method: "POST", path: "/api/people/bulk", summary: "Assign many people at once, or move them to the Trash", tag: "people", access: "user", body: bulkPeopleBody },
  { method: "GET", path: "/api/people", summary: "Filtered, sorted, paginated people of an event", tag: "people", access: "user", query: listPeopleQuery },
  { method: "POST", path: "/api/people", summary: "Add a person by hand", tag: "people", access: "user", status: 201, body: createPersonBody },
  { method: "GET", path: "/api/presence", summary: "Teammates online (optionally on one record or page)", tag: "presence", access: "user", query: presenceQuery },
  { method: "POST", path: "/api/presence", summary: "Heartbeat: where I am; answers who else is there", tag: "presence", access: "user", body: heartbeatBody },
  { method: "GET", path: "/api/reports/{id}", summary: "One saved report definition", tag: "reports", access: "user", params: idParams },
  { method: "PATCH", path: "/api/reports/{id}", summary: "Rename or change a definition (owner or admin)", tag: "reports", access: "user", params: idParams, body: updateReportBody },
  { method: "DELETE", path: "/api/reports/{id}", summary: "Delete a definition (owner or admin)", tag: "reports", access: "user", params: idParams },
  { method: "POST", path: "/api/reports/pdf", summary: "Render a report as PDF (default), printable HTML or JSON", tag: "reports", access: "user", body: reportRenderBody },
  { method: "GET", path: "/api/reports", summary: "Saved report definitions of the event", tag: "reports", access: "user", query: listReportsQuery },
  { method: "POST", path: "/api/reports", summary: "Save a report definition", tag: "reports", access: "user", status: 201, body: createReportBody },
  { method: "GET", path: "/api/research/accounts/{id}", summary: "The account's dossier and its people's talking points", tag: "research", access: "user", params: idParams },
  { method: "POST", path: "/api/research/accounts/{id}", summary: "Research one account now", tag: "research", access: "user", params: idParams },
  { method: "GET", path: "/api/research/candidates", summary: "Accounts with no dossier or a stale one, best tier and ICP first", tag: "research", access: "user", query: researchCandidatesQuery },
  { method: "POST", path: "/api/research/run", summary: "Research accounts in the background; answers with the job to follow (GET /api/jobs/{id})", tag: "research", access: "user", status: 202, body: runResearchBody },
  { method: "GET", path: "/api/roi/calculate", summary: "The annual-savings model with every assumption", tag: "roi", access: "user", query: roiQuery },
  { method: "GET", path: "/api/accounts/{id}/roi", summary: "The account's ROI model with its saved assumptions", tag: "roi", access: "user", params: idParams },
  { method: "PUT", path: "/api/accounts/{id}/roi", summary: "Keep the assumptions changed for this account (an empty set resets them)", tag: "roi", access: "user", params: idParams, body: saveRoiBody },
  { method: "DELETE", path: "/api/saved-views/{id}", summary: "Delete one of the caller's saved views", tag: "saved-views", access: "user", params: idParams },
  { method: "GET", path: "/api/saved-views", summary: "The caller's saved views for a list", tag: "saved-views", access: "user", query: listSavedViewsQuery },
  { method: "POST", path: "/api/saved-views", summary: "Save the current filters under a name", tag: "saved-views", access: "user", status: 201, body: createSavedViewBody },
  { method: "DELETE", path: "/api/suppressions/{id}", summary: "Admins only: allow email to an address again", tag: "suppressions", access: "admin", params: idParams },
  { method: "GET", path: "/api/suppressions", summary: "Addresses we never email", tag: "suppressions", access: "user", query: listSuppressionsQuery },
  { method: "POST", path: "/api/suppressions", summary: "Add an address by hand", tag: "suppressions", access: "user", status: 201, body: createSuppressionBody },
  { method: "GET", path: "/api/t/c/{token}", summary: "Click redirect, only to a link that is in that message", tag: "t", access: "public", params: tokenParams },
  { method: "GET", path: "/api/t/o/{token}", summary: "Open pixel (signed token); always answers with the image", tag: "t", access: "public", params: tokenParams },
  { method: "PATCH", path: "/api/team/{id}", summary: "Change a teammate's role (admins)", tag: "team", access: "admin", params: idParams, body: updateMemberBody },
  { method: "DELETE", path: "/api/team/{id}", summary: "Remove a teammate and end their sessions (admins)", tag: "team", access: "admin", params: idParams },
  { method: "DELETE", path: "/api/team/invites/{id}", summary: "Revoke a pending invite (admins)", tag: "team", access: "admin", params: idParams },
  { method: "POST", path: "/api/team/invites", summary: "Invite a teammate (admins)", tag: "team", access: "admin", status: 201, body: inviteBody },
  { method: "GET", path: "/api/team", summary: "Teammates and pending invites", tag: "team", access: "user" },
  { method: "GET", path: "/api/templates/{id}", summary: "One template", tag: "templates", access: "user", params: idParams },
  { method: "PATCH", path: "/api/templates/{id}", summary: "Edit a template", tag: "templates", access: "user", params: idParams, body: updateTemplateBody },
  { method: "DELETE", path: "/api/templates/{id}", summary: "Archive a template (messages written from it keep their text)", tag: "templates", access: "user", params: idParams },
  { method: "POST", path: "/api/templates/preview", summary: "Render a subject and body for one person, listing empty fields", tag: "templates", access: "user", body: previewTemplateBody },
  { method: "GET", path: "/api/templates", summary: "The event's templates and the shared ones", tag: "templates", access: "user", query: listTemplatesQuery },
  { method: "POST", path: "/api/templates", summary: "Create a template with merge fields", tag: "templates", access: "user", status: 201, body: createTemplateBody },
  { method: "POST", path: "/api/unsubscribe/{token}", summary: "One-click unsubscribe (RFC 8058) and the confirm page's form", tag: "unsubscribe", access: "public", params: tokenParams },
  { method: "POST", path: "/api/webhooks/inbound/{secret}", summary: "SendGrid Inbound Parse (multipart, raw or split): a reply, out-of-office or bounce; matched by reply token or thread, recorded once", tag: "webhooks", access: "webhook", params: inboundParams },
  { method: "POST", path: "/api/webhooks/inbound/{secret}/mime", summary: "A raw RFC 5322 message (message/rfc822), or a form with body-mime/email: for Postmark, Mailgun or your own MTA", tag: "webhooks", access: "webhook", params: inboundParams },
  { method: "GET", path: "/api/cron/mailboxes", summary: "Triggers the job engine's mailbox-sync task now: poll connected IMAP mailboxes for replies and retry failed forwards (the engine also runs it every 5 min)", tag: "replies", access: "cron" },
  { method: "GET", path: "/api/mailboxes", summary: "My connected mailbox and the shared ones (admins: all), with their sync state", tag: "replies", access: "user" },
  { method: "POST", path: "/api/mailboxes", summary: "Connect an IMAP mailbox for reply sync (the login is checked first; shared mailboxes: admins; 409 while the server has no MAILBOX_ENCRYPTION_KEY)", tag: "replies", access: "user", status: 201, body: connectMailboxBody },
  { method: "DELETE", path: "/api/mailboxes/{id}", summary: "Stop syncing a mailbox and erase its password", tag: "replies", access: "user", params: idParams },
  { method: "POST", path: "/api/mailboxes/{id}/sync", summary: "Look for replies in this mailbox now", tag: "replies", access: "user", params: idParams },
  { method: "POST", path: "/api/dev/mailbox/{id}/simulate", summary: "Demo mode: answer a captured message as the prospect (reply, out-of-office or bounce) through the inbound path", tag: "replies", access: "user", params: idParams, body: simulateInboundBody },
  { method: "POST", path: "/api/webhooks/sendgrid", summary: "Signed SendGrid Event Webhook (delivered, open, click, bounce …)", tag: "webhooks", access: "webhook" },
  // Workspace (issue 19): streamed drafts, the seller profile.
  { method: "POST", path: "/api/outreach/generate/stream", summary: "One draft streamed as newline-delimited JSON (start, text deltas, done) as the model writes it", tag: "outreach", access: "user", body: streamDraftBody },
  { method: "GET", path: "/api/settings/product", summary: "The seller profile (\"Our product\") every prompt, draft, pain point, ICP fit and ROI model reads", tag: "settings", access: "user" },
  { method: "PUT", path: "/api/settings/product", summary: "Replace the seller profile (admins)", tag: "settings", access: "admin", body: sellerProfileSchema },
  { method: "DELETE", path: "/api/settings/product", summary: "Go back to the shipped default seller profile (admins)", tag: "settings", access: "admin" },
  { method: "GET", path: "/api/notifications", summary: "My latest notifications and the unread count (the bell polls this)", tag: "notifications", access: "user", query: listNotificationsQuery },
  { method: "POST", path: "/api/notifications/read", summary: "Mark some (ids) or all of my notifications read", tag: "notifications", access: "user", body: markReadBody },
  { method: "GET", path: "/api/cron/notifications", summary: "Runs the engine's notifications task now: due tasks become notifications; immediate mails and daily digests are sent", tag: "notifications", access: "cron" },
  { method: "GET", path: "/api/search", summary: "Global search: accounts, people, meetings, outreach threads, sequences and templates, grouped; prefix matches first; similar names (typos) with similar=true", tag: "search", access: "user", query: searchQuery },
  { method: "GET", path: "/api/event-costs", summary: "What the show cost, line by line", tag: "roi", access: "user", query: listCostsQuery },
  { method: "POST", path: "/api/event-costs", summary: "Add a cost line to a show (admins)", tag: "roi", access: "admin", status: 201, body: createCostBody },
  { method: "PATCH", path: "/api/event-costs/{id}", summary: "Correct a cost line (admins)", tag: "roi", access: "admin", params: idParams, body: updateCostBody },
  { method: "DELETE", path: "/api/event-costs/{id}", summary: "Remove a cost line: kept, no longer counted (admins)", tag: "roi", access: "admin", params: idParams },
  { method: "GET", path: "/api/reports/show", summary: "Was the show worth it? Cost per lead, meeting and opportunity, pipeline created and influenced, won revenue, ROI multiple, by rep and tier, compared with the previous show", tag: "reports", access: "user", query: showPnlQuery },
  { method: "GET", path: "/api/me/settings", summary: "My signature, daily send cap, time zone and notification emails", tag: "me", access: "user" },
  { method: "PATCH", path: "/api/me/settings", summary: "Change my own settings", tag: "me", access: "user", body: updateMySettingsBody },
];

export const registry: Endpoint[] = ENDPOINTS.map((e) => ({ ...e, example: EXAMPLES[`${e.method} ${e.path}`] }));
