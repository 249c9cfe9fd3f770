import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { activeTransport, deliversRealMail } from "@/server/email/transport";
import { findSuppression } from "@/server/suppressions/service";

/**
 * The rules every mail to a prospect goes through (outreach, sequence steps, meeting invites
 * and reminders to a prospect): who it comes from, and who must never get it.
 */

export function senderAddress(): string {
  const match = /<([^>]+)>/.exec(env().EMAIL_FROM);
  return match ? match[1] : env().EMAIL_FROM.trim();
}

export function senderDomain(): string {
  const match = /@([^>\s]+)>?\s*$/.exec(env().EMAIL_FROM);
  return match ? match[1] : "eventops.dev";
}

/** A rep's sending identity: their name on our verified sender address; replies go to the rep. */
export function sendingIdentity(owner: { name: string | null; email: string } | null | undefined): { from: string; replyTo: string | undefined } {
  const from = owner?.name ? `"${owner.name.replace(/"/g, "")}" <${senderAddress()}>` : env().EMAIL_FROM;
  return { from, replyTo: owner?.email };
}

type Recipient = { name: string; email: string | null; source: string | null };

/**
 * Refusals that come before anything is written or sent: no address, no mail transport, demo
 * data on a transport that reaches real inboxes. Throws an AppError a rep can read.
 */
export function assertDeliverable(person: Recipient): string {
  if (!person.email) throw new AppError("validation_error", `${person.name} has no email address`);
  const transport = activeTransport();
  if (!transport) throw new AppError("service_unavailable", "Email is not configured: set SMTP_URL or SENDGRID_API_KEY");
  if (deliversRealMail(transport) && person.source === "seed") {
    throw new AppError("conflict", `${person.name} is demo data (source "seed"): real email is never sent to demo people. Use the development outbox, or add real contacts.`);
  }
  return person.email;
}

/** assertDeliverable plus the do-not-email list, for one-off mails (the outreach batch reads the list set-based). */
export async function assertMayEmail(person: Recipient): Promise<string> {
  const email = assertDeliverable(person);
  const suppressed = await findSuppression(email);
  if (suppressed) throw new AppError("conflict", `${email} is on the do-not-email list (${suppressed.reason.toLowerCase().replace("_", " ")}), so nothing is sent to ${person.name}`);
  return email;
}
