import { handleSendgridEvents, SENDGRID_EVENTS_MAX_BYTES } from "@/server/email/webhooks";
import { readTextBody } from "@/server/http/input";
import { route } from "@/server/http/route";

// POST /api/webhooks/sendgrid — signed SendGrid Event Webhook (delivered, open, click, bounce …)
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false }, async ({ req }) =>
  handleSendgridEvents({
    rawBody: await readTextBody(req, SENDGRID_EVENTS_MAX_BYTES),
    signature: req.headers.get("x-twilio-email-event-webhook-signature"),
    timestamp: req.headers.get("x-twilio-email-event-webhook-timestamp"),
  }),
);
