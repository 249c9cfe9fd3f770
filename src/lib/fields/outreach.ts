import { defineRecord } from "@/lib/fields/define";

/**
 * An outreach message's fields (table outreach), declared once: see define.ts. The order is the
 * export's column order. Messages are the history of one show: none is copied with an event.
 * The API's outreach schemas (src/server/outreach/schemas.ts) are not derived from here yet.
 */
export const OUTREACH_CHANNELS = ["EMAIL", "LINKEDIN", "CALL"] as const;
export const OUTREACH_STATUSES = ["DRAFT", "QUEUED", "SENDING", "SENT", "FAILED", "CANCELLED", "INTERRUPTED"] as const;

export const OUTREACH = defineRecord({
  table: "outreach",
  model: "Outreach",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: false },
    personId: { label: "Person", type: "id", export: [{}, { name: "personName", lookup: "people" }], copy: false },
    accountId: { label: "Account", type: "id", export: [{}, { name: "accountName", lookup: "accounts" }], copy: false },
    ownerId: { label: "Owner", type: "id", export: { name: "ownerEmail", lookup: "users" }, copy: false },
    channel: { label: "Channel", type: "enum", enum: { name: "OutreachChannel", values: OUTREACH_CHANNELS }, export: true, copy: false },
    status: { label: "Status", type: "enum", enum: { name: "OutreachStatus", values: OUTREACH_STATUSES }, export: true, copy: false },
    subject: { label: "Subject", type: "text", export: true, copy: false },
    message: { label: "Message", type: "text", export: true, copy: false },
    toEmail: { label: "To", type: "text", export: true, copy: false },
    stepNumber: { label: "Sequence step", type: "int", export: true, copy: false },
    scheduledAt: { label: "Scheduled", type: "timestamp", export: true, copy: false },
    sentAt: { label: "Sent", type: "timestamp", export: true, copy: false },
    deliveredAt: { label: "Delivered", type: "timestamp", export: true, copy: false },
    openedAt: { label: "Opened", type: "timestamp", export: true, copy: false },
    clickedAt: { label: "Clicked", type: "timestamp", export: true, copy: false },
    repliedAt: { label: "Replied", type: "timestamp", export: true, copy: false },
    bouncedAt: { label: "Bounced", type: "timestamp", export: true, copy: false },
    unsubscribedAt: { label: "Unsubscribed", type: "timestamp", export: true, copy: false },
    openCount: { label: "Opens", type: "int", export: true, copy: false },
    clickCount: { label: "Clicks", type: "int", export: true, copy: false },
    machineOpenCount: { label: "Machine opens", type: "int", export: true, copy: false },
    createdAt: { label: "Created", type: "timestamp", export: true, copy: false },
    // Links the activity log and the campaign views show; the export names the person and account instead.
    campaignId: { label: "Campaign", type: "id", export: false, copy: false },
    templateId: { label: "Template", type: "id", export: false, copy: false },
    enrollmentId: { label: "Sequence enrollment", type: "id", export: false, copy: false },
    sequenceStepId: { label: "Sequence step id", type: "id", export: false, copy: false },
    generatedBy: { label: "Written by", type: "text", export: false, copy: false },
    failureReason: { label: "Why it failed", type: "text", export: false, copy: false },
    updatedAt: { label: "Updated", type: "timestamp", export: false, copy: false },
  },
  internal: {
    eventId: "the event the message belongs to",
    messageId: "delivery machinery: our Message-ID, matched by replies",
    providerMessageId: "delivery machinery: the transport's id, matched by its webhook",
    transport: "delivery machinery: which transport sent it",
    queuedAt: "delivery machinery: when it joined the send queue",
    attempts: "delivery machinery: send attempts",
    handedOverAt: "delivery machinery: the crash-safety mark (src/server/outreach/send.ts)",
  },
});
