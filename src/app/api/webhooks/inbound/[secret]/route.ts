import { toStorableText } from "@/lib/storable-text";
import { handleInboundReply, inboundParams as params, inboundSecretMatches, INBOUND_PARSE_MAX_BYTES } from "@/server/email/webhooks";
import { AppError } from "@/server/http/errors";
import { readFormBody } from "@/server/http/input";
import { route } from "@/server/http/route";

// POST /api/webhooks/inbound/:secret — SendGrid Inbound Parse (multipart): a reply to an outreach
export const POST = route({ access: "public", crossOrigin: true, rateLimit: false, params }, async ({ req, params }) => {
  if (!inboundSecretMatches(params.secret)) throw new AppError("unauthorized", "Unknown inbound address");
  const form = await readFormBody(req, INBOUND_PARSE_MAX_BYTES);
  // Mail is other people's text: NUL bytes and broken characters are cleaned, not refused.
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? toStorableText(value) : undefined;
  };
  return handleInboundReply({ headers: field("headers") ?? "", from: field("from"), subject: field("subject"), text: field("text"), envelope: field("envelope") });
});
