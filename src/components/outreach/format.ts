import { browserTimeZone, formatInZone } from "@/lib/time";

// Display helpers shared by the outreach UI (client and server components).
export const STATUS_LABEL: Record<string, string> = {
  DRAFT: "Draft", QUEUED: "Queued", SENDING: "Sending", SENT: "Sent", FAILED: "Failed", CANCELLED: "Cancelled", INTERRUPTED: "Interrupted",
};

export const CHANNEL_LABEL: Record<string, string> = { EMAIL: "Email", LINKEDIN: "LinkedIn", CALL: "Call" };

export function statusVariant(status: string): "default" | "secondary" | "success" | "warning" | "destructive" | "outline" {
  switch (status) {
    case "SENT": return "success";
    case "QUEUED":
    case "SENDING": return "warning";
    case "FAILED":
    case "INTERRUPTED": return "destructive";
    case "CANCELLED": return "secondary";
    default: return "outline";
  }
}

export type SendOutcomeView =
  | { outcome: "sent"; alreadySent: boolean; transport: string }
  | { outcome: "queued"; at: string; reason: string }
  | { outcome: "suppressed"; reason: string }
  | { outcome: "failed"; error: string }
  | { outcome: "interrupted" }
  | { outcome: "busy" };

export function describeOutcome(result: SendOutcomeView): { tone: "success" | "warning" | "error"; text: string } {
  switch (result.outcome) {
    case "sent":
      return { tone: "success", text: result.alreadySent ? "This message was already sent." : result.transport === "manual" ? "Logged as done." : result.transport === "dev-outbox" ? "Sent to the development outbox (/dev/mailbox)." : "Sent." };
    case "queued":
      return { tone: "warning", text: `Queued until ${formatInZone(result.at, browserTimeZone())} — ${result.reason === "cap" ? "your daily send cap is reached" : result.reason === "scheduled" ? "as scheduled" : "outside business hours in the recipient's time zone"}.` };
    case "suppressed":
      return { tone: "error", text: `Not sent: this address is on the suppression list (${result.reason}).` };
    case "failed":
      return { tone: "error", text: `Sending failed: ${result.error}` };
    case "interrupted":
      return { tone: "error", text: "The mail server's answer never came: this message may or may not have gone out. Check the outbox before resending it." };
    case "busy":
      return { tone: "warning", text: "This message is being sent right now." };
  }
}
