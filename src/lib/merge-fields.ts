/**
 * Merge fields: `{{group.field}}` placeholders in subjects and bodies, filled from the person,
 * their account and its research dossier, the sending rep and the event. An optional fallback
 * follows a pipe (`{{person.firstName|there}}`). A field that is empty for a person renders as
 * its fallback — the pipe's, else the seller's default for that field, else nothing — and is reported, so
 * the rep sees which personalisation is missing before anything goes out. An unknown field is
 * reported too and left untouched (sending refuses a message that still has one).
 *
 * `renderMessage` is the one renderer: the composer's preview, generated drafts, sequence steps
 * and the send path all call it, so what a rep previews is what the prospect receives. Pure and
 * isomorphic: the browser uses the same catalogue for the picker and the unknown-field check.
 */

export const MERGE_FIELDS = {
  person: ["firstName", "lastName", "name", "title", "email"],
  account: ["name", "industry", "domain", "website", "location"],
  dossier: ["painPoint", "summary", "recentNews", "footprint"],
  sender: ["name", "firstName", "email", "title", "signature"],
  event: ["name", "city", "venue", "boothNumber", "dates"],
  // The sending rep's next free booth slots as one-click booking links (step "Offer booth slots").
  booth: ["slots"],
} as const;

export type MergeGroup = keyof typeof MERGE_FIELDS;
export type MergeContext = { [G in MergeGroup]: Partial<Record<(typeof MERGE_FIELDS)[G][number], string | null>> };

export const ALL_MERGE_FIELDS: string[] = Object.entries(MERGE_FIELDS).flatMap(([group, fields]) =>
  fields.map((field) => `${group}.${field}`),
);

/** What the picker shows for each group and field. */
export const MERGE_GROUP_LABELS: Record<MergeGroup, string> = {
  person: "Recipient", account: "Company", dossier: "Research", sender: "You (the sender)", event: "Event", booth: "Booth",
};
export const MERGE_FIELD_LABELS: Record<string, string> = {
  "person.firstName": "First name", "person.lastName": "Last name", "person.name": "Full name", "person.title": "Job title", "person.email": "Email",
  "account.name": "Company name", "account.industry": "Industry", "account.domain": "Domain", "account.website": "Website", "account.location": "Location",
  "dossier.painPoint": "Top pain point", "dossier.summary": "Summary", "dossier.recentNews": "Latest news headline", "dossier.footprint": "Footprint",
  "sender.name": "Your name", "sender.firstName": "Your first name", "sender.email": "Your email", "sender.title": "Your title", "sender.signature": "Your signature",
  "event.name": "Event name", "event.city": "City", "event.venue": "Venue", "event.boothNumber": "Booth number", "event.dates": "Dates",
  "booth.slots": "Your next free booth slots (booking links)",
};

const KNOWN = new Set(ALL_MERGE_FIELDS);
// A fallback stops at the next brace, so an unclosed "{{a.b|" cannot make every later one rescan the text.
const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*(?:\|([^{}]*))?\}\}/g;

export type RenderResult = { text: string; missing: string[]; unknown: string[] };

/**
 * Fills the placeholders of one text. `defaults` are used for empty fields without a pipe
 * fallback. A value spliced in where a sentence starts (after . ? ! or a blank line) gets a
 * capital first letter: research phrases are stored lower-case for use mid-sentence.
 */
export function renderTemplate(template: string, context: MergeContext, defaults: Record<string, string> = {}): RenderResult {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, group: string, field: string, fallback: string | undefined, offset: number) => {
    const key = `${group}.${field}`;
    if (!KNOWN.has(key)) {
      unknown.add(key);
      return whole;
    }
    const raw = (context[group as MergeGroup] as Record<string, string | null | undefined>)[field];
    let value: string;
    if (raw === null || raw === undefined || raw.trim() === "") {
      missing.add(key);
      value = fallback !== undefined ? fallback.trim() : (defaults[key] ?? "");
    } else {
      value = raw;
    }
    return startsSentence(template, offset) ? capitalise(value) : value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

function startsSentence(text: string, offset: number): boolean {
  // A scan of the trailing whitespace: a regex for "blank line, then spaces, at the end" backtracks polynomially on long blank runs.
  const before = text.slice(0, offset);
  const kept = before.trimEnd();
  const gap = before.slice(kept.length);
  if (kept === "" || gap.split("\n").length > 2) return true;
  return gap !== "" && /[.?!]$/.test(kept);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

export type RenderedMessage = { subject: string | null; message: string; missing: string[]; unknown: string[] };

/**
 * A subject and body rendered for one recipient. `fallbacks`: what empty fields without a pipe
 * fallback become — the seller's words (mergeFallbacks in src/server/seller/profile.ts).
 */
export function renderMessage(template: { subject: string | null; body: string }, context: MergeContext, fallbacks: Record<string, string>): RenderedMessage {
  const subject = renderTemplate(template.subject ?? "", context, fallbacks);
  const body = renderTemplate(template.body, context, fallbacks);
  return {
    subject: template.subject ? subject.text : null,
    message: body.text,
    missing: [...new Set([...subject.missing, ...body.missing])],
    unknown: [...new Set([...subject.unknown, ...body.unknown])],
  };
}

/** The fields a template uses, in order of first appearance. */
export function fieldsUsed(template: string): string[] {
  const seen = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) seen.add(`${match[1]}.${match[2]}`);
  return [...seen];
}

/** Placeholders in the texts that are not merge fields, as typed (`{{person.nickname}}`). */
export function unknownFields(...texts: (string | null | undefined)[]): string[] {
  return [...new Set(texts.flatMap((t) => fieldsUsed(t ?? "")).filter((f) => !KNOWN.has(f)))];
}
