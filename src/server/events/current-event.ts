import pg from "pg";
import { DEMO_EVENT_SLUG } from "@/lib/demo-team";

/**
 * The event a user works in, as the order of the open events (alias `e`): the one they chose
 * last, else Manifest 2026 (the demo), else the next upcoming event (the soonest that ends today,
 * UTC, or later), else the most recent one. One rule for the session statement, which reads the
 * event with the session (users/session.ts: a user who never picked an event in the switcher
 * costs no second round trip per request), and for resolveCurrentEvent. `lastEventId` and
 * `today` are SQL: a column, or a literal made with pg.escapeLiteral.
 */
export function currentEventOrderSql(lastEventId: string, today: string): string {
  return `e.id = ${lastEventId} DESC NULLS LAST, e.slug = ${pg.escapeLiteral(DEMO_EVENT_SLUG)} DESC, e."endDate" >= ${today} DESC,
    CASE WHEN e."endDate" >= ${today} THEN e."startDate" END ASC, e."startDate" DESC, e.id`;
}

/** `now`'s UTC date as an SQL date literal (currentEventOrderSql's `today`). */
export function utcDateSql(now: Date): string {
  return `${pg.escapeLiteral(now.toISOString().slice(0, 10))}::date`;
}
