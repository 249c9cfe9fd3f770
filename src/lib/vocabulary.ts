/**
 * The record vocabularies, declared once: the API schemas, list filters, reports and the seed
 * all read these lists. Plain constants, safe in client components.
 */
export const TIERS = ["A", "B", "C", "D"] as const;
export type Tier = (typeof TIERS)[number];

export const ACCOUNT_STATUSES = ["PROSPECTING", "ENGAGED", "MEETING_SCHEDULED", "WON", "LOST"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const OPPORTUNITY_STAGES = ["QUALIFIED", "PROPOSAL", "NEGOTIATION", "WON", "LOST"] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

export const MEETING_STATUSES = ["SCHEDULED", "COMPLETED", "NO_SHOW", "CANCELLED"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
