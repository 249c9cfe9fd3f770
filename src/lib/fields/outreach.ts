import { z } from "zod";
import { defineRecord, idString } from "@/lib/fields/define";

/**
 * An outreach message's fields (table outreach), declared once: see define.ts. The order is the
 * export's column order. Messages are the history of one show: none is copied with an event.
 *
 * The API's create/update bodies and the list's field filters derive from here
 * (src/server/outreach/schemas.ts). Not derived, because they are not one field: the list's
 * `engagement` (one parameter over four timestamps), `from`/`to` (when a message went out, or
 * was written for unsent ones) and `q` (subject, address, the person's and account's names).
 * The account, owner, status and delivery times are never sent: the service takes them from
 * the person, the rep and the send path.
 */
export const OUTREACH_CHANNELS = ["EMAIL", "LINKEDIN", "CALL"] as const;
const OUTREACH_STATUSES = ["DRAFT", "QUEUED", "SENDING", "SENT", "FAILED", "CANCELLED", "INTERRUPTED"] as const;
const WRITERS = ["manual", "template", "ai"] as const;
// Ids the outreach API has always taken without a lower bound ("" is no template, no campaign).
const loose = z.string().max(64);

export const OUTREACH = defineRecord({
  table: "outreach",
  model: "Outreach",
  fields: {
    id: { label: "Id", type: "id", export: true, copy: false },
    personId: {
      label: "Person", type: "id", export: [{}, { name: "personName", lookup: "people" }], copy: false,
      input: idString, onCreate: "required", onUpdate: "never", filter: { kind: "equals", empty: "any" },
    },
    accountId: { label: "Account", type: "id", export: [{}, { name: "accountName", lookup: "accounts" }], copy: false },
    ownerId: { label: "Owner", type: "id", export: { name: "ownerEmail", lookup: "users" }, copy: false, filter: { kind: "equals", empty: "any" } },
    channel: {
      label: "Channel", type: "enum", enum: { name: "OutreachChannel", values: OUTREACH_CHANNELS }, export: true, copy: false,
      input: z.enum(OUTREACH_CHANNELS), onCreate: { default: "EMAIL" }, filter: { kind: "is" },
    },
    status: { label: "Status", type: "enum", enum: { name: "OutreachStatus", values: OUTREACH_STATUSES }, export: true, copy: false, filter: { kind: "is" } },
    subject: { label: "Subject", type: "text", export: true, copy: false, input: z.string().trim().max(300).nullish() },
    message: {
      label: "Message", type: "text", export: true, copy: false,
      input: z.string().trim().min(1, "The message is empty").max(20_000), onCreate: "required",
    },
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
    campaignId: { label: "Campaign", type: "id", export: false, copy: false, input: loose.nullish(), filter: { kind: "equals", empty: "any" } },
    templateId: { label: "Template", type: "id", export: false, copy: false, input: loose.nullish(), onUpdate: "never" },
    enrollmentId: { label: "Sequence enrollment", type: "id", export: false, copy: false },
    sequenceStepId: { label: "Sequence step id", type: "id", export: false, copy: false },
    generatedBy: { label: "Written by", type: "text", export: false, copy: false, input: z.enum(WRITERS), onCreate: { default: "manual" }, onUpdate: "never" },
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
