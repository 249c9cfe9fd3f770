import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { domainFromWebsite, normalizeName } from "@/lib/normalize";
import { detectMapping } from "@/server/import/fields";
import { parseCsvText, parseLooseNumber } from "@/server/import/parse";
import { readRecords } from "@/server/import/records";
import { SAMPLE_CSV } from "@/components/import/sample-csv";

function read(text: string) {
  const parsed = parseCsvText(text);
  return { parsed, records: readRecords(parsed.headers, parsed.rows, detectMapping(parsed.headers)) };
}

describe("reading CSV files as people export them", () => {
  it("drops a byte-order mark so the first header still maps", () => {
    const { parsed, records } = read("\uFEFFCompany name,Website URL\nAcme Foods,acme.com\n");
    expect(parsed.headers).toEqual(["Company name", "Website URL"]);
    expect(records[0]!.account).toMatchObject({ name: "Acme Foods", domain: "acme.com", website: "https://acme.com/" });
  });

  it("detects semicolon delimiters and reads European numbers", () => {
    const { parsed, records } = read("Account Name;Website;Employees;Annual Revenue\nHarmon Logistik GmbH;harmon.de;1.200.000;\"1.500.000,50\"\n");
    expect(parsed.delimiter).toBe(";");
    expect(records[0]!.account).toMatchObject({ name: "Harmon Logistik GmbH", employeeCount: 1_200_000, revenue: 1_500_001n });
  });

  it("keeps newlines and doubled quotes inside quoted fields", () => {
    const { records } = read('Company name,Description\n"Blue Ridge ""BR"" Foods","Line one\nLine two, with comma"\nNext Co,x\n');
    expect(records).toHaveLength(2);
    expect(records[0]!.account).toMatchObject({ name: 'Blue Ridge "BR" Foods', notes: "Line one\nLine two, with comma" });
    expect(records[1]!.row).toBe(3);
  });

  it("reads loose numbers and refuses words", () => {
    expect(parseLooseNumber("1,200")).toEqual({ ok: true, value: 1200 });
    expect(parseLooseNumber("$5M")).toEqual({ ok: true, value: 5_000_000 });
    expect(parseLooseNumber("€1.2 bn")).toEqual({ ok: true, value: 1_200_000_000 });
    expect(parseLooseNumber("12.5k")).toEqual({ ok: true, value: 12_500 });
    expect(parseLooseNumber("51-200")).toEqual({ ok: true, value: 125.5 });
    expect(parseLooseNumber("10,000+")).toEqual({ ok: true, value: 10_000 });
    expect(parseLooseNumber("n/a")).toEqual({ ok: true, value: null });
    expect(parseLooseNumber("-")).toEqual({ ok: true, value: null });
    expect(parseLooseNumber("lots")).toMatchObject({ ok: false });
    expect(parseLooseNumber("5 zillion")).toMatchObject({ ok: false });
  });

  it("turns a bad number into a row error with the column named, and n/a into no value", () => {
    const { records } = read("Company name,Number of Employees,Annual Revenue\nA Co,lots,$5M\nB Co,n/a,\"1,200\"\n");
    expect(records[0]!.errors).toEqual(['Employees: "lots" is not a number']);
    expect(records[1]!.errors).toEqual([]);
    expect(records[1]!.account).toMatchObject({ employeeCount: null, revenue: 1200n });
  });

  it("detects HubSpot export headers", () => {
    const headers = ["First Name", "Last Name", "Email", "Job Title", "Phone Number", "LinkedIn URL", "Company name", "Company Domain Name", "Website URL", "Number of Employees", "Annual Revenue", "Industry", "City", "State/Region", "Record ID"];
    expect(detectMapping(headers)).toEqual({
      "First Name": "firstName", "Last Name": "lastName", Email: "email", "Job Title": "title", "Phone Number": "phone",
      "LinkedIn URL": "linkedin", "Company name": "accountName", "Company Domain Name": "domain", "Website URL": "website",
      "Number of Employees": "employeeCount", "Annual Revenue": "revenue", Industry: "industry", City: "city",
      "State/Region": "state", "Record ID": null,
    });
  });

  it("detects Salesforce export headers", () => {
    const headers = ["Account Name", "Website", "Employees", "Annual Revenue", "Industry", "Billing City", "Billing State/Province", "First Name", "Last Name", "Title", "Email", "Mailing City"];
    const mapping = detectMapping(headers);
    expect(mapping).toMatchObject({
      "Account Name": "accountName", Website: "website", Employees: "employeeCount", "Annual Revenue": "revenue",
      "Billing City": "city", "Billing State/Province": "state", Title: "title", Email: "email",
    });
    // The city field is taken by Billing City; the second city column is left out, not doubled.
    expect(mapping["Mailing City"]).toBeNull();
  });

  it("marks in-file duplicates and lets later rows of the same company add people", () => {
    const { records } = read(
      [
        "Company name,Website,Industry,First Name,Last Name,Email",
        "Acme,acme.com,,Dana,Lee,dana@acme.com",
        "Acme Inc.,,Retail,Sam,Ortiz,sam@acme.com",
        "Acme,acme.com,,Dana,Lee,DANA@acme.com",
        "Solo Co,,,,,",
        "Solo Co,,,,,",
      ].join("\n"),
    );
    expect(records.map((r) => r.duplicateOf)).toEqual([null, null, 2, null, 5]);
    // Row 3 has no domain but the same normalised name: it joins acme.com and fills its industry.
    expect(records[1]!.accountKey).toBe("d:acme.com");
    expect(records[0]!.account!.industry).toBe("Retail");
  });

  it("refuses rows it cannot match and explains why", () => {
    const { records } = read("First Name,Last Name,Email,Website\nNo,Company,,\nBad,Email,not-an-email,\n,,,ftp:/x y\n");
    expect(records[0]!.errors).toEqual(["A person needs an email or a company so they can be matched"]);
    expect(records[1]!.errors[0]).toMatch(/not an email address/);
    expect(records[2]!.errors[0]).toMatch(/not a web address/);
  });

  it("refuses an empty file and a file without a header", () => {
    expect(() => parseCsvText("\uFEFF  \n")).toThrow(/empty/);
    expect(() => parseCsvText(",,\n1,2,3")).toThrow(/column names/);
  });

  it("normalises names and domains as natural keys", () => {
    expect(normalizeName("Acme Foods, Inc.")).toBe("acme foods");
    expect(normalizeName("Tri-State L.L.C.")).toBe("tri state");
    expect(domainFromWebsite("https://WWW.Acme.com/about?x=1")).toBe("acme.com");
    expect(domainFromWebsite("n/a")).toBeNull();
  });

  it("ships a sample file for users that maps every column", () => {
    const onDisk = readFileSync("docs/samples/accounts-sample.csv", "utf8");
    expect(onDisk).toBe(SAMPLE_CSV);
    const { parsed, records } = read(onDisk);
    const mapping = detectMapping(parsed.headers);
    expect(Object.values(mapping).every((f) => f !== null)).toBe(true);
    expect(records.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe("the mapping choices the browser offers", () => {
  it("are exactly the fields the server imports", async () => {
    const { FIELD_OPTIONS } = await import("@/components/import/types");
    const { IMPORT_FIELD_KEYS } = await import("@/server/import/fields");
    expect(FIELD_OPTIONS.map((f) => f.key)).toEqual(IMPORT_FIELD_KEYS);
  });
});

// Issue 16 item 10: a binary file got "map at least one column" instead of "this isn't a CSV".
describe("files that are not CSV", () => {
  it("says an Excel workbook, a PDF or binary data is not a CSV, and what to do", () => {
    expect(() => parseCsvText("PK\u0003\u0004\u0014\u0000\u0006\u0000garbage")).toThrow(/Excel workbook.*Save As → CSV UTF-8/);
    expect(() => parseCsvText("%PDF-1.7\n%\u00e2\u00e3")).toThrow(/This is a PDF, not a CSV/);
    expect(() => parseCsvText(`name,email\n\u0000\u0001\u0002binary`)).toThrow(/not a CSV: it holds binary data/);
    expect(() => parseCsvText("Company,Email\nAcme,ana@acme.test\n")).not.toThrow();
  });
});
