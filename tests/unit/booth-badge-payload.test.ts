import { describe, expect, it } from "vitest";
import { parseBadgePayload } from "@/lib/booth/badge-payload";

describe("badge QR payloads", () => {
  it("reads a vCard 3.0 with folded lines, groups, parameters and escapes", () => {
    const vcard = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Vega;Robin;;Dr.;",
      "FN:Robin Vega",
      "ORG:Dockside Freight\\, Inc.;Operations",
      "TITLE:VP Yard Operat",
      " ions",
      "item1.EMAIL;TYPE=INTERNET,WORK:Robin@Dockside.test",
      "TEL;TYPE=CELL:+1 702 555 0100",
      "URL:https://www.linkedin.com/in/robinvega",
      "END:VCARD",
    ].join("\r\n");
    expect(parseBadgePayload(vcard)).toEqual({
      format: "vcard",
      fields: {
        name: "Robin Vega",
        company: "Dockside Freight, Inc.",
        email: "robin@dockside.test",
        title: "VP Yard Operations",
        phone: "+1 702 555 0100",
        linkedin: "https://www.linkedin.com/in/robinvega",
      },
    });
  });

  it("reads a vCard 2.1 with quoted-printable values and builds the name from N when FN is missing", () => {
    const vcard = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen\nORG:Kr=C3=A4ne AG\nEMAIL;PREF;INTERNET:j@kraene.test\nEND:VCARD";
    const parsed = parseBadgePayload(vcard);
    expect(parsed.format).toBe("vcard");
    expect(parsed.fields.name).toBe("Jürgen Müller");
    expect(parsed.fields.email).toBe("j@kraene.test");
    // ORG had no ENCODING parameter, so its text stays as printed.
    expect(parsed.fields.company).toBe("Kr=C3=A4ne AG");
  });

  it("reads a MECARD with Last,First and escaped separators", () => {
    const parsed = parseBadgePayload("MECARD:N:Okafor,Ada;ORG:Polar\\; Cold Chain;EMAIL:ada@polar.test;TEL:+44 20 7946 0000;NOTE:Booth 12\\: ask for pilot;;");
    expect(parsed).toEqual({
      format: "mecard",
      fields: { name: "Ada Okafor", company: "Polar; Cold Chain", email: "ada@polar.test", phone: "+44 20 7946 0000", note: "Booth 12: ask for pilot" },
    });
  });

  it("keeps an organiser's badge URL as a note and a LinkedIn URL as the profile", () => {
    expect(parseBadgePayload("https://reg.example.test/badge/8841")).toEqual({ format: "url", fields: { note: "Badge link: https://reg.example.test/badge/8841" } });
    expect(parseBadgePayload("https://linkedin.com/in/ada")).toEqual({ format: "url", fields: { linkedin: "https://linkedin.com/in/ada" } });
  });

  it("splits plain text on lines or separators and recognises the email and phone wherever they are", () => {
    expect(parseBadgePayload("Lee Ortiz\nBrightyard\nlee@brightyard.test")).toEqual({
      format: "text",
      fields: { name: "Lee Ortiz", company: "Brightyard", email: "lee@brightyard.test" },
    });
    expect(parseBadgePayload("lee@brightyard.test|Lee Ortiz|Brightyard|Head of Logistics|+1 415 555 0199")).toEqual({
      format: "text",
      fields: { email: "lee@brightyard.test", name: "Lee Ortiz", company: "Brightyard", title: "Head of Logistics", phone: "+1 415 555 0199" },
    });
  });

  it("never throws on junk and returns no fields for an empty scan", () => {
    expect(parseBadgePayload("")).toEqual({ format: "text", fields: {} });
    expect(parseBadgePayload("BEGIN:VCARD\n:::;;;\nEND:VCARD").fields).toEqual({});
    expect(parseBadgePayload("MECARD:;;;").fields).toEqual({});
  });
});
