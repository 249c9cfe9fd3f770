import { z, type ZodError, type ZodType } from "zod";
import { formatCount } from "@/lib/numbers";

/**
 * The one mapping from validation problems to sentences a rep understands ("Enter a first name",
 * "Between 0 and 5,000"). Installed as zod's global error map when this module loads, so every
 * schema — API bodies, list URLs, browser forms — speaks the same way; a message written on a
 * schema itself ("Enter a domain like acme.com") still wins. The API keeps machine-readable
 * `details` ({ path, message, code }); forms show each message once, next to its field.
 */

/** How a field is named in a sentence, when its key alone does not say it well. */
const FIELD_NAMES: Record<string, string> = {
  firstName: "first name", lastName: "last name", email: "email address", phone: "phone number", linkedin: "LinkedIn URL",
  website: "website", domain: "domain", timeZone: "time zone", employeeCount: "employee count", facilityCount: "facility count",
  revenue: "annual revenue", icpMin: "lowest ICP score", icpMax: "highest ICP score", icpScore: "ICP score", accountId: "account",
  personId: "person", personIds: "people", accountIds: "accounts", assignedToId: "rep", ownerId: "rep", templateId: "template",
  campaignId: "campaign", sequenceId: "sequence", scheduledAt: "start time", startTime: "start time", durationMinutes: "length",
  delayDays: "delay", q: "search", from: "start date", to: "end date", pageSize: "page size", staleDays: "age",
};

/** Fields chosen from a list rather than typed: "Choose a rep" rather than "Enter a rep". */
const CHOSEN = /(Id|Ids|tier|status|channel|kind|type|locationType|persona)$/;

export function fieldName(path: readonly PropertyKey[]): string | null {
  const key = [...path].reverse().find((p): p is string => typeof p === "string");
  if (!key) return null;
  return FIELD_NAMES[key] ?? key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function article(noun: string): string {
  if (/^(people|accounts|dates|steps)$/.test(noun) || noun.endsWith("s") && !noun.endsWith("ss") && !noun.endsWith("us")) return noun;
  return `${/^[aeiou]/i.test(noun) && !/^(url|use)/i.test(noun) ? "an" : "a"} ${noun}`;
}

function singular(noun: string): string {
  return noun === "people" ? "person" : noun.replace(/s$/, "");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const number = (n: unknown) => (typeof n === "number" || typeof n === "bigint" ? formatCount(Number(n)) : String(n));

const TYPE_WORDS: Record<string, string> = {
  number: "a number", int: "a whole number", string: "text", boolean: "yes or no", array: "a list", object: "a set of fields", date: "a date", bigint: "a whole number",
};

const FORMAT_SENTENCES: Record<string, string> = {
  email: "Enter a valid email address",
  url: "Enter a full URL starting with https://",
  datetime: "Enter a date and time like 2026-03-04T09:30",
  date: "Enter a date like 2026-03-04",
  time: "Enter a time like 09:30",
  uuid: "This is not a valid id",
  cuid: "This is not a valid id",
};

type Issue = z.core.$ZodRawIssue;

function isEmpty(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === "string" && input.trim() === "");
}

/** The sentence for one issue (the global error map). */
function issueSentence(issue: Issue): string {
  const name = fieldName(issue.path ?? []);
  const chosen = name !== null && CHOSEN.test(String([...(issue.path ?? [])].reverse().find((p) => typeof p === "string") ?? ""));
  const required = name ? `${chosen ? "Choose" : "Enter"} ${article(name)}` : "This is required";
  switch (issue.code) {
    case "invalid_type": {
      if (isEmpty(issue.input)) return required;
      const expected = TYPE_WORDS[issue.expected as string];
      return expected ? `${name ? capitalise(name) : "This"} must be ${expected}` : `${name ? capitalise(name) : "This value"} is not valid`;
    }
    case "too_small": {
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? required : `Use at least ${number(issue.minimum)} characters`;
      if (issue.origin === "array" || issue.origin === "set") return Number(issue.minimum) <= 1 ? `Choose at least one${name ? ` ${singular(name)}` : ""}` : `Choose at least ${number(issue.minimum)}`;
      return issue.inclusive === false ? `More than ${number(issue.minimum)}` : `At least ${number(issue.minimum)}`;
    }
    case "too_big": {
      if (issue.origin === "string") return `Use at most ${number(issue.maximum)} characters`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${number(issue.maximum)}`;
      return issue.inclusive === false ? `Less than ${number(issue.maximum)}` : `At most ${number(issue.maximum)}`;
    }
    case "invalid_format": {
      const format = (issue as { format?: string }).format ?? "";
      return FORMAT_SENTENCES[format] ?? `${name ? capitalise(name) : "This value"} is not in the expected format`;
    }
    case "invalid_value": {
      const values = ((issue as { values?: unknown[] }).values ?? []).map(String);
      return values.length && values.length <= 8 ? `Choose one of: ${values.join(", ")}` : `${name ? capitalise(name) : "This value"} is not one of the choices`;
    }
    case "unrecognized_keys": {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return `Unknown field${keys.length === 1 ? "" : "s"}: ${keys.join(", ")}`;
    }
    case "not_multiple_of":
      return Number((issue as { divisor?: number }).divisor) === 1 ? "Use a whole number" : `Use a multiple of ${number((issue as { divisor?: number }).divisor)}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return `${name ? capitalise(name) : "This value"} is not valid`;
    default:
      return `${name ? capitalise(name) : "This value"} is not valid`;
  }
}

z.config({ customError: (issue) => issueSentence(issue) });

export type FieldIssue = { path: string; message: string; code: string };

/**
 * The issues of a failed parse as { path, message, code }. With the schema, a number outside a
 * range bounded on both sides reads "Between 0 and 5,000" rather than only the bound it broke.
 */
export function fieldIssues(error: ZodError, schema?: ZodType): FieldIssue[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number" && schema) {
      const range = boundsOf(leafAt(schema, issue.path));
      const generated = issueSentence({ ...issue, input: undefined } as Issue);
      if (message === generated && range.minimum !== undefined && range.maximum !== undefined) {
        message = `Between ${number(range.minimum)} and ${number(range.maximum)}`;
      }
    }
    return { path: issue.path.map(String).join(".") || "(root)", message, code: issue.code };
  });
}

/** One sentence for a whole failed parse: the first problem, and how many more there are. */
export function summarise(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return "Some of what was sent is not valid";
  const where = first.path !== "(root)" && !first.message.toLowerCase().includes(fieldName(first.path.split("."))?.toLowerCase() ?? "\u0000") ? ` (${fieldName(first.path.split("."))})` : "";
  const more = issues.length > 1 ? `; ${issues.length - 1} more ${issues.length === 2 ? "field needs" : "fields need"} a fix` : "";
  return `${first.message}${where}${more}.`;
}

type Walkable = ZodType & { _zod: { def: Record<string, unknown>; bag: Record<string, unknown> } };

/** The inclusive bounds a number schema's checks set (`.min()` / `.max()`). */
function boundsOf(schema: Walkable | null): { minimum?: number; maximum?: number } {
  const out: { minimum?: number; maximum?: number } = {};
  for (const check of (schema?._zod.def.checks as { _zod: { def: { check: string; value: unknown; inclusive?: boolean } } }[] | undefined) ?? []) {
    const { check: kind, value, inclusive } = check._zod.def;
    if (typeof value !== "number" || inclusive === false) continue;
    if (kind === "greater_than") out.minimum = value;
    if (kind === "less_than") out.maximum = value;
  }
  return out;
}

/** The schema that validates the value at `path`, through optional/nullable/default/pipe wrappers, objects and arrays. */
function leafAt(schema: ZodType, path: readonly PropertyKey[]): Walkable | null {
  let current = unwrap(schema as Walkable);
  for (const key of path) {
    if (!current) return null;
    const def = current._zod.def;
    if (def.type === "object" && typeof key === "string") current = unwrap((def.shape as Record<string, Walkable>)[key]);
    else if (def.type === "array" && typeof key === "number") current = unwrap(def.element as Walkable);
    else return null;
  }
  return current;
}

function unwrap(schema: Walkable | undefined): Walkable | null {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default" || def.type === "prefault" || def.type === "nonoptional" || def.type === "readonly" || def.type === "catch") s = def.innerType as Walkable;
    else if (def.type === "pipe") s = (def.out as Walkable)._zod.def.type === "transform" ? (def.in as Walkable) : (def.out as Walkable);
    else return s;
  }
  return s ?? null;
}
