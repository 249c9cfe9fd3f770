import { z } from "zod";
import { domainFromWebsite, normalizeName, websiteUrl } from "@/lib/normalize";
import { linkedinProfileUrl } from "@/lib/safe-links";
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
export type AccountValues = {
  name: string;
  normalizedName: string;
  website: string | null;
  domain: string | null;
  industry: string | null;
  headquarters: string | null;
  location: string | null;
  employeeCount: number | null;
  revenue: bigint | null;
  facilityCount: number | null;
  notes: string | null;
};

export type PersonValues = {
  firstName: string;
  lastName: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  linkedin: string | null;
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

const MAX_EMPLOYEES = 10_000_000;
const MAX_FACILITIES = 1_000_000;
const MAX_REVENUE = 1e15;

// The same rule as the API's person schema, so an imported address can be saved again on edit.
const emailAddress = z.email().max(254);

export function accountKeyFor(domain: string | null, normalizedName: string): string {
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

  const number = (field: ImportField, label: string, max: number): number | null => {
    const raw = cell(field);
    if (!raw) return null;
    const parsed = parseLooseNumber(raw);
    if (!parsed.ok) {
      errors.push(`${label}: ${parsed.error}`);
      return null;
    }
    if (parsed.value !== null && parsed.value > max) {
      errors.push(`${label}: ${raw} is implausibly large`);
      return null;
    }
    return parsed.value === null ? null : Math.round(parsed.value);
  };
  const employeeCount = number("employeeCount", "Employees", MAX_EMPLOYEES);
  const revenue = number("revenue", "Annual revenue", MAX_REVENUE);
  const facilityCount = number("facilityCount", "Facilities", MAX_FACILITIES);

  let account: AccountValues | null = null;
  if (name) {
    const normalizedName = normalizeName(name);
    if (!normalizedName) errors.push(`Company name "${name}" has no letters or digits`);
    const city = cell("city");
    const state = cell("state");
    const country = cell("country");
    const headquarters = [city, state].filter(Boolean).join(", ") || null;
    const location = [city, state, country].filter(Boolean).join(", ") || null;
    account = {
      name: name.slice(0, 200),
      normalizedName,
      website,
      domain,
      industry: cell("industry") || null,
      headquarters,
      location,
      employeeCount,
      revenue: revenue === null ? null : BigInt(revenue),
      facilityCount,
      notes: cell("accountNotes") || null,
    };
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
    const linkedinCell = cell("linkedin");
    person = {
      firstName: firstName.slice(0, 100),
      lastName: lastName.slice(0, 100),
      name: `${firstName} ${lastName}`.trim().slice(0, 200),
      email,
      title: cell("title") || null,
      phone: cell("phone") || null,
      linkedin: linkedinFrom(linkedinCell, warnings),
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

/** A LinkedIn cell becomes a link on the person's page, so only a linkedin.com address is kept. */
function linkedinFrom(cell: string, warnings: string[]): string | null {
  if (!cell) return null;
  const url = linkedinProfileUrl(cell);
  if (!url) warnings.push(`LinkedIn "${cell.slice(0, 80)}" is not a linkedin.com address; left empty`);
  return url;
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
