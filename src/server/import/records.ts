import { z } from "zod";
import { domainFromWebsite, normalizeName, websiteUrl } from "@/lib/normalize";
import { IMPORT_COLUMNS, type ImportColumnOption } from "@/lib/fields/import";
import type { FieldSpec, ImportProblems } from "@/lib/fields/define";
import type { ColumnMapping, ImportField } from "@/server/import/fields";
import { isEmptyMarker, parseLooseNumber } from "@/server/import/parse";

/**
 * One CSV row read through the column mapping into an account part and a person part.
 *
 * - A row has an account when it names a company or gives a website/domain (a domain alone
 *   names the company after the domain, with a warning). Its natural key is the domain, else
 *   the normalised name.
 * - A row has a person when it gives a first, last or full name or an email. The person's key
 *   is the email, else the name within the account; a person with neither an email nor a
 *   company cannot be matched and is an error.
 * - Any error skips the whole row: nothing half-imported.
 * - In-file duplicates: a later row with the same person key (or, for company-only rows, the
 *   same account key) is skipped as "Duplicate of row N"; company values from later rows only
 *   fill fields that earlier rows left empty.
 */
type Value = string | number | bigint | boolean | null;
/** An account's values from one row: the keys the import matches on, then every other importable field (src/lib/fields). */
export type AccountValues = {
  name: string;
  normalizedName: string;
  website: string | null;
  domain: string | null;
  headquarters: string | null;
  location: string | null;
  [field: string]: Value;
};

export type PersonValues = {
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  title: string | null;
  [field: string]: Value;
};

export type ImportRecord = {
  /** Line number as a spreadsheet shows it: the header is row 1. */
  row: number;
  account: AccountValues | null;
  accountKey: string | null;
  person: PersonValues | null;
  personKey: string | null;
  errors: string[];
  warnings: string[];
  duplicateOf: number | null;
};

/** The columns read by the rules above (natural keys, names); every other importable field is read by `readFields`. */
const KEY_COLUMNS = new Set(["accountName", "website", "domain", "email", "firstName", "lastName", "fullName"]);
const ACCOUNT_FIELDS = IMPORT_COLUMNS.filter((c) => c.group === "account" && c.spec && !KEY_COLUMNS.has(c.key));
const PERSON_FIELDS = IMPORT_COLUMNS.filter((c) => c.group === "person" && c.spec && !KEY_COLUMNS.has(c.key));

// The same rule as the API's person schema, so an imported address can be saved again on edit.
const emailAddress = z.email().max(254);

function accountKeyFor(domain: string | null, normalizedName: string): string {
  return domain ? `d:${domain}` : `n:${normalizedName}`;
}

export function foldPersonName(name: string): string {
  return normalizeName(name).replace(/ /g, "");
}

export function readRecords(headers: readonly string[], rows: readonly string[][], mapping: ColumnMapping): ImportRecord[] {
  const index = new Map<ImportField, number>();
  headers.forEach((header, i) => {
    const field = mapping[header];
    if (field) index.set(field, i);
  });
  const records = rows.map((cells, i) => readRecord(i + 2, (field) => {
    const at = index.get(field);
    const value = at === undefined ? "" : (cells[at] ?? "").trim();
    return isEmptyMarker(value) ? "" : value;
  }));
  markDuplicates(records);
  return records;
}

function readRecord(row: number, cell: (field: ImportField) => string): ImportRecord {
  const errors: string[] = [];
  const warnings: string[] = [];

  const websiteCell = cell("website");
  const domainCell = cell("domain");
  let website: string | null = null;
  let domain: string | null = null;
  if (websiteCell) {
    website = websiteUrl(websiteCell);
    domain = domainFromWebsite(websiteCell);
    if (!website || !domain) errors.push(`Website "${websiteCell}" is not a web address`);
  }
  if (domainCell) {
    const fromDomain = domainFromWebsite(domainCell);
    if (!fromDomain) errors.push(`Domain "${domainCell}" is not a domain`);
    else {
      domain = fromDomain;
      website ??= `https://${fromDomain}`;
    }
  }

  let name = cell("accountName");
  if (!name && domain) {
    name = domain;
    warnings.push(`No company name: named after ${domain}`);
  }

  const problems = { error: (m: string) => errors.push(m), warn: (m: string) => warnings.push(m) };
  const accountFields = readFields(ACCOUNT_FIELDS, cell, problems);

  let account: AccountValues | null = null;
  if (name) {
    const normalizedName = normalizeName(name);
    if (!normalizedName) errors.push(`Company name "${name}" has no letters or digits`);
    const city = cell("city");
    const state = cell("state");
    const country = cell("country");
    const headquarters = [city, state].filter(Boolean).join(", ") || null;
    const location = [city, state, country].filter(Boolean).join(", ") || null;
    account = { ...accountFields, name: name.slice(0, 200), normalizedName, website, domain, headquarters, location };
  }

  let person: PersonValues | null = null;
  let firstName = cell("firstName");
  let lastName = cell("lastName");
  const fullName = cell("fullName");
  const emailCell = cell("email");
  if (firstName || lastName || fullName || emailCell) {
    if (!firstName && !lastName && fullName) {
      const parts = fullName.split(/\s+/);
      firstName = parts[0] ?? "";
      lastName = parts.slice(1).join(" ");
    }
    let email: string | null = null;
    if (emailCell) {
      if (emailAddress.safeParse(emailCell).success) email = emailCell.toLowerCase();
      else errors.push(`Email "${emailCell}" is not an email address`);
    }
    if (!firstName && !lastName && email) {
      firstName = email.split("@")[0] ?? email;
      warnings.push(`No name for ${email}: named after the address`);
    }
    if (!email && !account && (firstName || lastName)) {
      errors.push("A person needs an email or a company so they can be matched");
    }
    const fields = readFields(PERSON_FIELDS, cell, problems);
    person = {
      title: null,
      ...fields,
      firstName: firstName.slice(0, 100),
      lastName: lastName.slice(0, 100),
      name: `${firstName} ${lastName}`.trim().slice(0, 200),
      email,
    };
  }

  if (!account && !person && errors.length === 0) errors.push("No company or person in this row");

  const accountKey = account ? accountKeyFor(account.domain, account.normalizedName) : null;
  const personKey = person
    ? person.email
      ? `e:${person.email}`
      : `a:${accountKey}|${foldPersonName(person.name)}`
    : null;
  return { row, account, accountKey, person, personKey, errors, warnings, duplicateOf: null };
}

/** The row's cells for these fields: by the field's own reader, else by its type's. */
function readFields(columns: readonly ImportColumnOption[], cell: (key: string) => string, problems: ImportProblems): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const column of columns) {
    const raw = cell(column.key);
    const spec = column.spec!;
    values[column.field!] = !raw ? null : spec.import?.read ? spec.import.read(raw, problems) : readCell(raw, column.label, spec, problems);
  }
  return values;
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

function readCell(raw: string, label: string, spec: FieldSpec, problems: ImportProblems): Value {
  switch (spec.type) {
    case "int":
    case "bigint": {
      const parsed = parseLooseNumber(raw);
      if (!parsed.ok) return problems.error(`${label}: ${parsed.error}`), null;
      if (parsed.value !== null && parsed.value > (spec.import?.max ?? Number.MAX_SAFE_INTEGER)) return problems.error(`${label}: ${raw} is implausibly large`), null;
      if (parsed.value === null) return null;
      return spec.type === "bigint" ? BigInt(Math.round(parsed.value)) : Math.round(parsed.value);
    }
    case "bool": {
      const folded = raw.toLowerCase();
      if (YES.has(folded)) return true;
      if (NO.has(folded)) return false;
      return problems.error(`${label}: "${raw.slice(0, 80)}" is not yes or no`), null;
    }
    case "enum": {
      const value = spec.enum!.values.find((v) => v.toLowerCase() === raw.toLowerCase().replace(/[\s-]+/g, "_"));
      if (!value) return problems.error(`${label}: "${raw.slice(0, 80)}" is not one of ${spec.enum!.values.join(", ")}`), null;
      return value;
    }
    case "date": {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) return problems.error(`${label}: "${raw.slice(0, 80)}" is not a date like 2026-06-30`), null;
      return raw;
    }
    default:
      return raw;
  }
}

/**
 * Links rows to earlier rows of the same company (a row without a domain joins an earlier row
 * with a domain and the same name), merges company values, and marks true duplicates.
 */
function markDuplicates(records: ImportRecord[]) {
  const accounts = new Map<string, { row: number; values: AccountValues }>();
  const byName = new Map<string, string>();
  const personRows = new Map<string, number>();
  for (const record of records) {
    if (record.errors.length > 0 || !record.account?.domain || !record.accountKey) continue;
    if (!byName.has(record.account.normalizedName)) byName.set(record.account.normalizedName, record.accountKey);
  }
  for (const record of records) {
    if (record.errors.length > 0 || !record.account || record.account.domain) continue;
    const known = byName.get(record.account.normalizedName);
    if (known) record.accountKey = known;
  }
  for (const record of records) {
    if (record.errors.length > 0) continue;
    if (record.person && record.personKey) {
      if (!record.person.email) record.personKey = `a:${record.accountKey}|${foldPersonName(record.person.name)}`;
      const earlier = personRows.get(record.personKey);
      if (earlier !== undefined) {
        record.duplicateOf = earlier;
        continue;
      }
      personRows.set(record.personKey, record.row);
    }
    if (record.account && record.accountKey) {
      const first = accounts.get(record.accountKey);
      if (!first) {
        accounts.set(record.accountKey, { row: record.row, values: record.account });
      } else {
        if (!record.person) {
          record.duplicateOf = first.row;
        }
        fillBlanks(first.values, record.account);
        record.account = first.values;
      }
    }
  }
}

function fillBlanks(target: AccountValues, source: AccountValues) {
  for (const key of Object.keys(target) as (keyof AccountValues)[]) {
    if (target[key] === null && source[key] !== null) (target as Record<string, unknown>)[key] = source[key];
  }
}
