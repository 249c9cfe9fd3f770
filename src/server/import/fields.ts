/**
 * The fields a CSV column can feed, and header auto-detection.
 *
 * Headers are compared after folding case, accents and punctuation ("Company Domain Name",
 * "company_domain_name" and "Company domain name" are the same). Each field lists the headers
 * HubSpot, Salesforce and hand-made sheets use for it; the first header that matches a field
 * wins it, so a file with both "Website URL" and "Company Domain Name" maps each to its own
 * field, and a field is never fed by two columns.
 */
export const IMPORT_FIELDS = [
  { key: "accountName", label: "Company name", group: "account" },
  { key: "website", label: "Website", group: "account" },
  { key: "domain", label: "Domain", group: "account" },
  { key: "industry", label: "Industry", group: "account" },
  { key: "employeeCount", label: "Employees", group: "account" },
  { key: "revenue", label: "Annual revenue", group: "account" },
  { key: "facilityCount", label: "Facilities", group: "account" },
  { key: "city", label: "City", group: "account" },
  { key: "state", label: "State / region", group: "account" },
  { key: "country", label: "Country", group: "account" },
  { key: "accountNotes", label: "Account notes", group: "account" },
  { key: "firstName", label: "First name", group: "person" },
  { key: "lastName", label: "Last name", group: "person" },
  { key: "fullName", label: "Full name", group: "person" },
  { key: "email", label: "Email", group: "person" },
  { key: "title", label: "Job title", group: "person" },
  { key: "phone", label: "Phone", group: "person" },
  { key: "linkedin", label: "LinkedIn URL", group: "person" },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]["key"];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportField, ...ImportField[]];

/** Known header spellings per field (already folded by foldHeader). */
const SYNONYMS: Record<ImportField, string[]> = {
  accountName: [
    "company name", "company", "account name", "account", "organization", "organisation", "organization name",
    "business name", "employer", "associated company", "company name primary", "parent account",
  ],
  website: ["website url", "website", "company website", "web site", "url", "homepage", "site", "company url", "web address"],
  domain: ["company domain name", "domain", "company domain", "domain name", "email domain"],
  industry: ["industry", "company industry", "sector", "vertical", "industry type"],
  employeeCount: [
    "number of employees", "employees", "employee count", "company size", "headcount", "no of employees",
    "num employees", "size", "employee range", "total employees",
  ],
  revenue: ["annual revenue", "revenue", "company revenue", "annual revenue usd", "total revenue", "sales volume"],
  facilityCount: ["facilities", "facility count", "number of facilities", "sites", "locations", "number of locations", "dcs", "number of sites"],
  city: ["city", "billing city", "mailing city", "company city", "hq city", "headquarters city", "shipping city"],
  state: [
    "state region", "state", "billing state province", "mailing state province", "state province", "region",
    "province", "company state", "hq state", "billing state", "mailing state", "state code",
  ],
  country: ["country", "country region", "billing country", "mailing country", "company country", "hq country"],
  accountNotes: ["notes", "description", "company description", "account description", "about"],
  firstName: ["first name", "firstname", "given name", "contact first name", "first"],
  lastName: ["last name", "lastname", "surname", "family name", "contact last name", "last"],
  fullName: ["full name", "name", "contact name", "contact", "person", "contact full name"],
  email: ["email", "email address", "e mail", "work email", "business email", "contact email", "primary email"],
  title: ["job title", "title", "position", "role", "job role", "contact title"],
  phone: ["phone number", "phone", "work phone", "business phone", "mobile phone", "mobile", "direct phone", "telephone"],
  linkedin: ["linkedin url", "linkedin", "linkedin profile", "linkedin profile url", "person linkedin url", "linkedin bio"],
};

export function foldHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const LOOKUP = new Map<string, ImportField>();
for (const field of IMPORT_FIELD_KEYS) {
  for (const synonym of SYNONYMS[field]) if (!LOOKUP.has(synonym)) LOOKUP.set(synonym, field);
}

export type ColumnMapping = Record<string, ImportField | null>;

/** header → field (or null for "don't import"), each field used at most once. */
export function detectMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportField>();
  for (const header of headers) {
    const field = LOOKUP.get(foldHeader(header)) ?? null;
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    } else {
      mapping[header] = null;
    }
  }
  return mapping;
}
