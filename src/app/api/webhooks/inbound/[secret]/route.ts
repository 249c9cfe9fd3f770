import { z } from "zod";
import { handleInboundReply, inboundSecretMatches } from "@/server/email/webhooks";
import { AppError } from "@/server/http/errors";
import { route } from "@/server/http/route";

const params = z.object({ secret: z.string().max(200) });

// POST /api/webhooks/inbound/:secret — SendGrid Inbound Parse (multipart): a reply to an outreach
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  if (!inboundSecretMatches(params.secret)) throw new AppError("unauthorized", "Unknown inbound address");
  const form = await req.formData().catch(() => {
    throw new AppError("unsupported_media_type", "Send the message as multipart/form-data (SendGrid Inbound Parse)");
  });
  const field = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  return handleInboundReply({ headers: field("headers") ?? "", from: field("from"), subject: field("subject"), text: field("text"), envelope: field("envelope") });
});
