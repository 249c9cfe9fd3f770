/**
 * Merge fields: `{{group.field}}` placeholders in template subjects and bodies, filled from the
 * person, their account and its research dossier, the sending rep and the event. An optional
 * fallback follows a pipe (`{{person.firstName|there}}`). A field that is empty for a person
 * renders as its fallback (or nothing) and is reported, so the rep sees which personalisation
 * is missing before anything goes out. An unknown field is reported too and left untouched.
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

const KNOWN = new Set(ALL_MERGE_FIELDS);
// A fallback stops at the next brace, so an unclosed "{{a.b|" cannot make every later one rescan the text.
const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*(?:\|([^{}]*))?\}\}/g;

export type RenderResult = { text: string; missing: string[]; unknown: string[] };

export function renderTemplate(template: string, context: MergeContext): RenderResult {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, group: string, field: string, fallback: string | undefined) => {
    const key = `${group}.${field}`;
    if (!KNOWN.has(key)) {
      unknown.add(key);
      return whole;
    }
    const value = (context[group as MergeGroup] as Record<string, string | null | undefined>)[field];
    if (value === null || value === undefined || value.trim() === "") {
      missing.add(key);
      return fallback?.trim() ?? "";
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** The fields a template uses, in order of first appearance. */
export function fieldsUsed(template: string): string[] {
  const seen = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) seen.add(`${match[1]}.${match[2]}`);
  return [...seen];
}
