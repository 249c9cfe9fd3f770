/**
 * Plain row shapes for every table the seed fills. Property names are the Prisma field names,
 * which are also the column names (the schema maps tables, not columns), so one row object
 * serves both Prisma createMany and the bulk SQL path. Every row carries explicit createdAt /
 * updatedAt: the bulk path bypasses Prisma's @updatedAt and the dates must tell a story anyway.
 *
 * Optional JSON fields are omitted rather than null: Prisma rejects a bare null for Json
 * columns (it wants Prisma.DbNull), and an absent key is NULL on both write paths.
 */
import type { ActivityType } from "../../src/lib/vocabulary";
import type { PersonaFlags } from "../../src/lib/personas";
import type {
  AccountStatus,
  EnrollmentStatus,
  MeetingLocationType,
  MeetingStatus,
  OutreachChannel,
  OutreachStatus,
  Role,
  SequenceStatus,
  SuppressionReason,
  Tier,
} from "../../src/generated/prisma/enums";

type JsonPrimitive = string | number | boolean | null;
export type Json = JsonPrimitive | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** demo: the app's demo; large: the benchmark's dataset; medium: a fifth of large, for the quick CI benchmark. */
export type SeedScale = "demo" | "medium" | "large";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  emailVerified: Date;
  role: Role;
  title: string;
  signature: string;
  timeZone: string;
  lastEventId: string | null;
  bookingSlug: string;
  createdAt: Date;
  updatedAt: Date;
}

/** When a rep takes booth meetings on a show day (wall-clock minutes in the event's zone). */
export interface AvailabilityRow {
  id: string;
  userId: string;
  eventId: string;
  day: string;
  startMinute: number;
  endMinute: number;
  createdAt: Date;
}

export interface EventRow {
  id: string;
  name: string;
  slug: string;
  startDate: Date;
  endDate: Date;
  venue: string;
  city: string;
  timeZone: string;
  boothNumber: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AccountRow {
  id: string;
  eventId: string;
  name: string;
  normalizedName: string;
  website: string;
  domain: string;
  industry: string;
  headquarters: string;
  location: string;
  employeeCount: number;
  revenue: bigint;
  facilityCount: number;
  tier: Tier;
  status: AccountStatus;
  icpScore: number;
  icpBreakdown?: JsonObject;
  icpScoredAt: Date;
  notes: string | null;
  assignedToId: string | null;
  source: string;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PersonRow extends PersonaFlags {
  id: string;
  eventId: string;
  accountId: string | null;
  firstName: string;
  lastName: string;
  name: string;
  title: string;
  email: string | null;
  phone: string | null;
  linkedin: string | null;
  timeZone: string;
  seniority: string;
  icpScore: number;
  icpBreakdown?: JsonObject;
  icpScoredAt: Date;
  assignedToId: string | null;
  source: string;
  lastActivityAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DossierRow {
  id: string;
  accountId: string;
  summary: string;
  footprint: string;
  facilities?: Json[];
  painPoints?: string[];
  techStack?: string[];
  recentNews?: Json[];
  keyContacts?: Json[];
  sources?: Json[];
  provider: string;
  researchedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface InsightRow {
  id: string;
  accountId: string | null;
  personId: string | null;
  category: string;
  content: string;
  source: string;
  confidence: number;
  createdAt: Date;
}

export interface TemplateRow {
  id: string;
  eventId: string | null;
  ownerId: string | null;
  name: string;
  channel: OutreachChannel;
  subject: string | null;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CampaignRow {
  id: string;
  eventId: string;
  ownerId: string | null;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SequenceRow {
  id: string;
  eventId: string;
  ownerId: string | null;
  name: string;
  description: string;
  status: SequenceStatus;
  pauseAccountOnReply: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SequenceStepRow {
  id: string;
  sequenceId: string;
  order: number;
  delayDays: number;
  businessDays: boolean;
  channel: OutreachChannel;
  templateId: string | null;
  subject: string | null;
  body: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface EnrollmentRow {
  id: string;
  sequenceId: string;
  personId: string;
  accountId: string | null;
  ownerId: string | null;
  status: EnrollmentStatus;
  currentStep: number;
  lastStepAt: Date | null;
  nextStepAt: Date | null;
  failureCount: number;
  lastError: string | null;
  stopReason: string | null;
  enrolledAt: Date;
  completedAt: Date | null;
  stoppedAt: Date | null;
  updatedAt: Date;
}

export interface OutreachRow {
  id: string;
  eventId: string;
  personId: string;
  accountId: string | null;
  ownerId: string | null;
  campaignId: string | null;
  templateId: string | null;
  enrollmentId: string | null;
  sequenceStepId: string | null;
  stepNumber: number | null;
  channel: OutreachChannel;
  subject: string | null;
  message: string;
  status: OutreachStatus;
  generatedBy: string;
  toEmail: string | null;
  messageId: string | null;
  transport: string | null;
  scheduledAt: Date | null;
  queuedAt: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  openedAt: Date | null;
  clickedAt: Date | null;
  repliedAt: Date | null;
  bouncedAt: Date | null;
  unsubscribedAt: Date | null;
  openCount: number;
  clickCount: number;
  machineOpenCount: number;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EmailEventRow {
  id: string;
  outreachId: string;
  type: string;
  dedupeKey: string;
  url: string | null;
  userAgent: string | null;
  ip: string | null;
  isMachine: boolean;
  occurredAt: Date;
  metadata?: JsonObject;
}

export interface MeetingRow {
  id: string;
  eventId: string;
  personId: string;
  accountId: string | null;
  ownerId: string | null;
  title: string;
  scheduledAt: Date;
  durationMinutes: number;
  locationType: MeetingLocationType;
  location: string;
  address: string | null;
  status: MeetingStatus;
  agenda: string;
  outcome: string | null;
  nextStep: string | null;
  checkedInAt: Date | null;
  icsUid: string;
  icsSequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SuppressionRow {
  id: string;
  email: string;
  reason: SuppressionReason;
  source: string;
  note: string | null;
  createdAt: Date;
}

export interface ActivityRow {
  id: string;
  eventId: string | null;
  type: ActivityType;
  description: string;
  metadata?: JsonObject;
  actorId: string | null;
  personId: string | null;
  accountId: string | null;
  entityType: string;
  entityId: string;
  createdAt: Date;
}

/** Everything the seed writes, in rows. */
export interface Dataset {
  users: UserRow[];
  events: EventRow[];
  accounts: AccountRow[];
  people: PersonRow[];
  dossiers: DossierRow[];
  insights: InsightRow[];
  templates: TemplateRow[];
  campaigns: CampaignRow[];
  sequences: SequenceRow[];
  sequenceSteps: SequenceStepRow[];
  enrollments: EnrollmentRow[];
  outreach: OutreachRow[];
  emailEvents: EmailEventRow[];
  meetings: MeetingRow[];
  suppressions: SuppressionRow[];
  activities: ActivityRow[];
  availability: AvailabilityRow[];
}

export type DatasetKey = keyof Dataset;

/** Insert order (parents first) and the table each dataset key fills. */
export const TABLE_ORDER: readonly (readonly [DatasetKey, string])[] = [
  ["users", "users"],
  ["events", "events"],
  ["accounts", "target_accounts"],
  ["people", "people"],
  ["dossiers", "company_dossiers"],
  ["insights", "insights"],
  ["templates", "email_templates"],
  ["campaigns", "campaigns"],
  ["sequences", "sequences"],
  ["sequenceSteps", "sequence_steps"],
  ["enrollments", "sequence_enrollments"],
  ["outreach", "outreach"],
  ["emailEvents", "email_events"],
  ["meetings", "meeting"],
  ["suppressions", "suppressions"],
  ["activities", "activities"],
  ["availability", "availability_windows"],
];

export type SeedCounts = Record<DatasetKey, number>;

export function countDataset(data: Dataset): SeedCounts {
  const counts = {} as SeedCounts;
  for (const [key] of TABLE_ORDER) counts[key] = data[key].length;
  return counts;
}
