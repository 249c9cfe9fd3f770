import * as chrono from "chrono-node";
import EmailReplyParser from "email-reply-parser";
import type { InboundMail } from "./parse";

/**
 * What a mail that came back is, decided from its headers and its own words (never from the
 * quoted history under it):
 * 1. A delivery report (RFC 3464: multipart/report with a delivery-status part, or a
 *    mailer-daemon notice). Status 5.x.x is a hard bounce (the address does not work; 5.2.2
 *    "mailbox full" excepted); 4.x.x with Action: failed is a soft bounce (try again later);
 *    Action: delayed only says the sending server is still trying.
 * 2. An auto-reply: RFC 3834 `Auto-Submitted` (anything but "no"), `X-Autoreply`,
 *    `X-Autorespond`, `X-Auto-Response-Suppress`, `Precedence: auto_reply|bulk|junk`, a subject
 *    such as "Automatic reply:" / "Out of Office" / "Abwesenheitsnotiz" / "Réponse automatique",
 *    or a sentence only auto-responders write ("I am out of the office until …", "with limited
 *    access to email", "ich bin … nicht im Büro" …) in English, German, French, Spanish,
 *    Italian, Dutch or Portuguese. The return date is looked for in the sentences that speak of
 *    coming back; none found (or not within 120 days) means 7 days.
 * 3. A request to stop ("please remove me", "unsubscribe", "stop emailing me", "bitte
 *    entfernen Sie mich", "désabonnez-moi", "darme de baja" …) in what they wrote.
 * 4. Otherwise a reply from a person.
 */
export type Classification =
  | { kind: "BOUNCE"; bounceType: "hard" | "soft" | "delayed" | "delivered"; status: string | null; detail: string | null; recipient: string | null }
  | { kind: "AUTO_REPLY"; returnAt: Date; returnFound: boolean }
  | { kind: "REMOVAL_REQUEST" }
  | { kind: "REPLY" };

const DEFAULT_OOO_DAYS = 7;
const MAX_OOO_DAYS = 120;
const DAY_MS = 86_400_000;

// ───────────────────────────── reply text ─────────────────────────────

const parser = new EmailReplyParser();
// Lines our own messages put in every email: if a client quotes without markers, they must not
// read as the prospect's words (our footer says "Unsubscribe").
const OUR_FOOTER = /^.*(Not interested\? (Unsubscribe|<a)|\/api\/t\/[oc]\/|\/unsubscribe\/).*$/gim;

/** What they wrote, without the quoted history, signatures' "Sent from my iPhone" and our footer. */
export function replyTextOf(text: string): string {
  const trimmed = text.replace(/\r\n/g, "\n").slice(0, 100_000);
  let visible: string;
  try {
    visible = parser.parseReply(trimmed);
  } catch {
    visible = trimmed;
  }
  return visible
    .replace(OUR_FOOTER, "")
    .replace(/^(sent from my (iphone|ipad|android|mobile device)|gesendet von meinem iphone|envoyé de mon iphone|enviado desde mi iphone)\s*$/gim, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, 20_000);
}

// ───────────────────────────── bounces ─────────────────────────────

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?)@/i;
const FAILURE_SUBJECT = /(undeliver|undelivered|delivery status notification|returned mail|failure notice|delivery (has )?failed|mail delivery failed|unzustellbar|non remis|no se puede entregar|non recapitabile)/i;

function field(block: string, name: string): string | null {
  const match = new RegExp(`^${name}\\s*:\\s*(.+)$`, "im").exec(block);
  return match ? match[1].trim() : null;
}

function classifyBounce(mail: InboundMail): Classification | null {
  const fromDaemon = mail.from ? DAEMON.test(mail.from.address) : false;
  const looksLikeFailure = fromDaemon && (mail.headers.has("x-failed-recipients") || FAILURE_SUBJECT.test(mail.subject));
  if (!mail.isDeliveryReport && !looksLikeFailure) return null;

  const block = (mail.deliveryStatus ?? mail.text).slice(0, 50_000);
  const action = field(block, "Action")?.toLowerCase() ?? null;
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(field(block, "Status") ?? "")?.[1]
    ?? /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(block)?.[1]
    ?? null;
  const detail = (field(block, "Diagnostic-Code") ?? /^(5\d\d|4\d\d)[ -].*$/m.exec(mail.text)?.[0] ?? null)?.replace(/^smtp;\s*/i, "").slice(0, 500) ?? null;
  const recipient = (field(block, "Final-Recipient") ?? field(block, "Original-Recipient") ?? mail.headers.get("x-failed-recipients") ?? null)
    ?.replace(/^rfc822;\s*/i, "").trim().toLowerCase().slice(0, 320) ?? null;

  let bounceType: "hard" | "soft" | "delayed" | "delivered";
  if (action === "delivered" || action === "relayed" || action === "expanded") bounceType = "delivered";
  else if (action === "delayed") bounceType = "delayed";
  else if (status?.startsWith("5")) bounceType = status === "5.2.2" ? "soft" : "hard";
  else if (status?.startsWith("4")) bounceType = "soft";
  else if (/\b5\d\d\b/.test(detail ?? "")) bounceType = "hard";
  else if (/\b4\d\d\b/.test(detail ?? "") || /temporar|try again later|will retry|vorübergehend/i.test(block)) bounceType = "soft";
  else bounceType = "hard";
  return { kind: "BOUNCE", bounceType, status, detail, recipient };
}

// ───────────────────────────── auto-replies ─────────────────────────────

type Lang = "en" | "de" | "fr" | "es" | "it" | "nl" | "pt";

const AUTO_SUBJECT = /^(?:(?:re|aw|antw|sv|vs|r|rif|réf)\s*:\s*)*(auto(?:matic|matische|matisch)?[ -]?(?:reply|antwort|response|antwoord)|out of (?:the )?office|ooo\b|abwesenheit|abwesend|réponse automatique|absent\b|absence|respuesta automática|fuera de la oficina|risposta automatica|fuori (?:ufficio|sede)|afwezig|resposta automática|ausente|autosvar|fr[aå]nvaro)/i;

// "Ich bin … abwesend": the state within 80 characters of the opener, in the same sentence and
// line. As one expression (`\b(ich bin|bin ich)\b[^.\n]{0,80}\b(…)\b`) that took cubic time on
// "ich bin ich bin …"; here each opener's window (at most 100 characters) is searched once.
const DE_AWAY_OPENER = /\b(?:ich bin|bin ich)\b/gi;
const DE_AWAY_STATE = /\b(?:nicht im (?:büro|haus)|abwesend|außer haus|im urlaub|nicht erreichbar)\b/i;
const DE_AWAY_GAP = 80;

function saysGermanAway(text: string): boolean {
  const opener = new RegExp(DE_AWAY_OPENER);
  for (let found = opener.exec(text); found; found = opener.exec(text)) {
    const from = found.index + found[0].length;
    let end = from;
    // The longest state is 16 characters; one more keeps its closing \b honest.
    while (end < text.length && end - from < DE_AWAY_GAP + 20 && text[end] !== "." && text[end] !== "\n") end++;
    const state = DE_AWAY_STATE.exec(text.slice(from, end));
    if (state && state.index <= DE_AWAY_GAP) return true;
    opener.lastIndex = found.index + 1; // "ich bin ich": "bin ich" opens too
  }
  return false;
}

// Sentences auto-responders write and people answering a mail do not.
const AUTO_BODY: { lang: Lang; pattern: { test(text: string): boolean } }[] = [
  { lang: "en", pattern: /\b(i am|i'm|i’m|i will be|i'll be)\s+(currently\s+)?(out of (the )?office|away from (the |my )?(office|desk)|on (annual |parental |maternity |paternity |sick )?(leave|vacation|holiday))\b/i },
  { lang: "en", pattern: /\b(limited|no) access to (my )?e-?mail\b/i },
  { lang: "en", pattern: /\b(upon|on) my return\b/i },
  { lang: "en", pattern: /\bthis is an automatic (reply|response)\b/i },
  { lang: "de", pattern: { test: saysGermanAway } },
  { lang: "de", pattern: /\b(nach meiner rückkehr|automatische antwort|abwesenheitsnotiz)\b/i },
  { lang: "fr", pattern: /\b(je suis|je serai)\s+(actuellement\s+)?(absente?|en congés?|en vacances|hors du bureau)\b/i },
  { lang: "fr", pattern: /\b(à|dès) mon retour\b/i },
  { lang: "es", pattern: /\b(estoy|estaré)\s+(actualmente\s+)?(fuera de la oficina|de vacaciones|ausente)\b/i },
  { lang: "es", pattern: /\ba mi regreso\b/i },
  { lang: "it", pattern: /\b(sono|sarò)\s+(attualmente\s+)?(fuori (ufficio|sede)|in ferie|assente)\b/i },
  { lang: "it", pattern: /\bal mio rientro\b/i },
  { lang: "nl", pattern: /\b(ik ben|ben ik)\s+(momenteel\s+|op dit moment\s+)?(afwezig|niet op kantoor|met vakantie)\b/i },
  { lang: "pt", pattern: /\b(estou|estarei)\s+(atualmente\s+)?(fora do escritório|de férias|ausente)\b/i },
];

// Words that introduce the day they are back, per language.
const RETURN_CUE: Record<Lang, RegExp> = {
  en: /\b(back|return|returning|until|till|through|resume|from)\b/i,
  de: /\b(zurück|wieder|bis|ab)\b/i,
  fr: /\b(retour|jusqu|à partir|reviens|reviendrai|de retour)\b/i,
  es: /\b(regreso|vuelta|volveré|hasta|a partir)\b/i,
  it: /\b(rientro|ritorno|tornerò|fino|dal)\b/i,
  nl: /\b(terug|tot|vanaf)\b/i,
  pt: /\b(retorno|volta|voltarei|até|a partir)\b/i,
};

function isAutoByHeaders(mail: InboundMail): boolean {
  const auto = mail.headers.get("auto-submitted")?.trim().toLowerCase();
  if (auto && auto !== "no") return true;
  if (mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond") || mail.headers.has("x-autoresponder") || mail.headers.has("x-auto-response-suppress")) return true;
  const precedence = mail.headers.get("precedence")?.trim().toLowerCase();
  return precedence === "auto_reply" || precedence === "bulk" || precedence === "junk";
}

function detectLanguages(text: string): Lang[] {
  const found = AUTO_BODY.filter((p) => p.pattern.test(text)).map((p) => p.lang);
  return [...new Set<Lang>([...found, "en", "de", "fr", "es", "it", "nl", "pt"])];
}

/** The day they are back, from the sentences of an out-of-office note that speak of returning. */
export function findReturnDate(text: string, received: Date): Date | null {
  const sentences = text.slice(0, 4000).split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 0).slice(0, 60);
  const latest = received.getTime() + MAX_OOO_DAYS * DAY_MS;
  for (const lang of detectLanguages(text)) {
    for (const sentence of sentences) {
      if (!RETURN_CUE[lang].test(sentence)) continue;
      // Read in UTC so a date without a time means the same instant on every server (noon UTC
      // that day); read both as written and forward ("Monday" → the next one), keep the earliest
      // day after the note that is not absurdly far.
      const reference = { instant: received, timezone: 0 };
      const results = [...chrono[lang].parse(sentence, reference), ...chrono[lang].parse(sentence, reference, { forwardDate: true })];
      const days = results
        .filter((r) => r.start.isCertain("day") || r.start.isCertain("weekday"))
        // "away from 2 to 13 March" → back the day after the range ends.
        .map((r) => (r.end ? new Date(r.end.date().getTime() + DAY_MS) : r.start.date()))
        .filter((d) => d.getTime() > received.getTime() && d.getTime() <= latest)
        .sort((a, b) => a.getTime() - b.getTime());
      if (days.length) return days[0];
    }
  }
  return null;
}

function classifyAutoReply(mail: InboundMail, visible: string): Classification | null {
  const byHeaders = isAutoByHeaders(mail);
  const bySubject = AUTO_SUBJECT.test(mail.subject.trim());
  const byBody = visible.length <= 3000 && AUTO_BODY.some((p) => p.pattern.test(visible.slice(0, 1500)));
  if (!byHeaders && !bySubject && !byBody) return null;
  const received = mail.date ?? new Date();
  const found = findReturnDate(visible || mail.text, received);
  return { kind: "AUTO_REPLY", returnAt: found ?? new Date(received.getTime() + DEFAULT_OOO_DAYS * DAY_MS), returnFound: found !== null };
}

// ───────────────────────────── "please remove me" ─────────────────────────────

const REMOVAL = new RegExp(
  [
    // English
    String.raw`\b(please\s+)?(remove|delete|take)\s+(me|my (e-?mail|address|name))\s+(from|off)\b`,
    String.raw`\bunsubscribe( me)?\b`, String.raw`\bopt(-| )?out\b`,
    String.raw`\b(stop|quit)\s+(e-?mailing|emailing|contacting|sending|writing to)\b`,
    String.raw`\b(do not|don't|dont|never)\s+(contact|e-?mail|email|write to|message)\s+me\b`,
    String.raw`\bno (more|further) (e-?mails|emails|messages)\b`,
    // German
    String.raw`\b(bitte\s+)?(entfernen|löschen|streichen)\s+sie\s+(mich|meine)\b`, String.raw`\babmelden\b`, String.raw`\bkeine (weiteren )?(e-?mails|nachrichten|mails)\b`,
    // French
    String.raw`\bd[ée]sabonn`, String.raw`\bd[ée]sinscri`, String.raw`\bretirez[- ]moi\b`, String.raw`\bne (plus )?me (contactez|contacter|écrivez|écrire) plus\b`, String.raw`\bne plus me (contacter|écrire)\b`,
    // Spanish
    String.raw`\bdar(me)? de baja\b`, String.raw`\bno me (escriba|escriban|contacte|contacten|envíe|envíen)\b`, String.raw`\belimín(e|en)me\b`,
    // Italian
    String.raw`\b(cancellatemi|cancellami|rimuovetemi|rimuovimi)\b`, String.raw`\bnon (contattatemi|scrivetemi)\b`,
    // Dutch, Portuguese
    String.raw`\b(uitschrijven|afmelden|verwijder mij)\b`, String.raw`\b(descadastr|remova-me|não me (contate|envie))`,
  ].join("|"),
  "i",
);

export function isRemovalRequest(visible: string): boolean {
  return REMOVAL.test(visible.slice(0, 2000));
}

// ───────────────────────────── all together ─────────────────────────────

export function classifyInbound(mail: InboundMail, visible = replyTextOf(mail.text)): Classification {
  return classifyBounce(mail) ?? classifyAutoReply(mail, visible) ?? (isRemovalRequest(visible) ? { kind: "REMOVAL_REQUEST" } : { kind: "REPLY" });
}
