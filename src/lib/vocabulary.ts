/**
 * The record vocabularies, declared once: the API schemas, list filters, reports and the seed
 * all read these lists. Plain constants, safe in client components.
 */
export const TIERS = ["A", "B", "C", "D"] as const;
export type Tier = (typeof TIERS)[number];

export const ACCOUNT_STATUSES = ["PROSPECTING", "ENGAGED", "MEETING_SCHEDULED", "WON", "LOST"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const OPPORTUNITY_STAGES = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON", "LOST"] as const;
type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const MEETING_STATUSES = ["SCHEDULED", "COMPLETED", "NO_SHOW", "CANCELLED"] as const;
type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * Every kind of activity (the audit log and the feed), "<domain>.<what happened>". recordActivity
 * takes only these, so a misspelt type fails the typecheck where it is written, and readers
 * (feed filters, icons, My day) name them with `satisfies ActivityType`.
 */
export const ACTIVITY_TYPES = [
  "account.created", "account.updated", "account.deleted", "account.restored", "account.scored", "account.status_changed",
  "person.created", "person.updated", "person.deleted", "person.restored", "person.scored",
  "outreach.drafted", "outreach.edited", "outreach.discarded", "outreach.logged", "outreach.queued", "outreach.cancelled",
  "outreach.sent", "outreach.failed", "outreach.interrupted", "outreach.suppressed", "outreach.resend_requested",
  "outreach.opened", "outreach.clicked", "outreach.replied", "outreach.auto_reply", "outreach.removal_requested",
  "outreach.bounced", "outreach.soft_bounced", "outreach.dropped", "outreach.spam_reported", "outreach.unsubscribed",
  "sequence.created", "sequence.updated", "sequence.activated", "sequence.paused", "sequence.archived", "sequence.enrolled",
  "sequence.enrollment_paused", "sequence.enrollment_resumed", "sequence.enrollment_retried",
  "sequence.step_done", "sequence.step_skipped", "sequence.task_done", "sequence.task_skipped",
  "sequence.completed", "sequence.stopped", "sequence.replied", "sequence.resumed", "sequence.failed",
  "meeting.booked", "meeting.updated", "meeting.rescheduled", "meeting.cancelled", "meeting.checked_in", "meeting.completed", "meeting.no_show",
  "meeting.invite_sent", "meeting.cancellation_sent", "meeting.invite_not_sent", "meeting.invite_failed", "meeting.reminder_sent",
  "availability.updated", "lead.captured", "research.completed", "scoring.event_scored",
  "import.completed", "import.failed", "import.undone", "export.downloaded",
  "campaign.created", "campaign.updated", "campaign.archived", "template.created", "template.updated", "template.archived",
  "report.created", "report.updated", "report.deleted", "saved_view.created", "saved_view.deleted", "roi.updated",
  "event.created", "event.updated", "event.cost_added", "event.cost_changed", "event.cost_removed",
  "suppression.added", "suppression.removed", "trash.purged", "privacy.erased", "privacy.access_report",
  "settings.privacy", "settings.sending_window", "settings.icp_weights_updated", "settings.seller_profile_updated", "settings.seller_profile_reset",
  "team.invited", "team.invite_revoked", "team.role_changed", "team.removed", "user.settings_updated",
  "mailbox.connected", "mailbox.disconnected", "auth.signed_in", "auth.signed_out", "auth.sign_in_refused",
  "job.started", "job.finished", "job.failed", "job.retried", "job.cancel_requested", "job.cancelled", "jobs.run_now",
  // Only in the demo history the seed writes (a rep's note on an account or person).
  "note.added",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** The part before the dot: the feed filters a whole domain by it ("meeting." → every meeting change). */
export type ActivityDomain = ActivityType extends `${infer D}.${string}` ? D : never;
