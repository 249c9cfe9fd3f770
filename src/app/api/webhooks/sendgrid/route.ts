import { handleSendgridEvents } from "@/server/email/webhooks";
import { route } from "@/server/http/route";

// POST /api/webhooks/sendgrid — signed SendGrid Event Webhook (delivered, open, click, bounce …)
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false }, async ({ req }) =>
  handleSendgridEvents({
    rawBody: await req.text(),
    signature: req.headers.get("x-twilio-email-event-webhook-signature"),
    timestamp: req.headers.get("x-twilio-email-event-webhook-timestamp"),
  }),
);
