import { sendMail } from "@/server/email/transport";
import { logger } from "@/server/logger";
import { reportError } from "@/server/http/report";
import { isDemoMode } from "@/server/env";
import { escapeHtml } from "@/lib/escape-html";

/**
 * The magic-link email. In demo mode the link is also printed so a developer can click it.
 * A delivery failure is logged and reported, not shown: the person who asked gets the same
 * answer as everyone else ("if this address may sign in, a link is on its way"), so a mail
 * error cannot reveal that the address is on the team.
 */
export async function sendSignInLink({ email, url }: { email: string; url: string }): Promise<void> {
  const host = new URL(url).host;
  const subject = "Your EventOps sign-in link";
  const text = `Sign in to EventOps (${host}):\n\n${url}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, ignore this email.\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f6f7f9;padding:32px">
<table role="presentation" style="max-width:480px;margin:auto;background:#fff;border-radius:12px;padding:32px">
<tr><td><h1 style="font-size:20px;margin:0 0 16px">Sign in to EventOps</h1>
<p style="color:#444">Click the button to sign in on <strong>${escapeHtml(host)}</strong>.</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">Sign in</a></p>
<p style="color:#888;font-size:13px">The link works once and expires in 15 minutes. If you did not ask for it, ignore this email.</p>
</td></tr></table></body></html>`;
  try {
    const result = await sendMail({ to: email, subject, text, html, kind: "sign-in" });
    if (result.transport === "dev-outbox" && isDemoMode()) {
      logger.info(`Magic link for ${email}: ${url}`);
    }
  } catch (error) {
    logger.error({ err: error }, "the sign-in link could not be sent");
    reportError(error, { kind: "sign-in-mail" });
  }
}
