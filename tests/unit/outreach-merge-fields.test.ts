import { describe, expect, it } from "vitest";
import { fieldsUsed, renderMessage, renderTemplate, unknownFields, type MergeContext } from "@/lib/merge-fields";
import { composeDeterministic } from "@/server/outreach/drafts";
import { mergeFallbacks } from "@/server/seller/profile";
import { DEFAULT_SELLER_PROFILE } from "@/server/seller/profile";

const context: MergeContext = {
  person: { firstName: "Dana", lastName: "Whitfield", name: "Dana Whitfield", title: "VP Operations", email: "dana@harmon.test" },
  account: { name: "Harmon Logistics", industry: "3PL", domain: null, website: null, location: "Memphis" },
  dossier: { painPoint: "trailers wait hours at the gate", summary: null, recentNews: null, footprint: null },
  sender: { name: "Maya Patel", firstName: "Maya", email: "maya@vendor.test", title: null, signature: null },
  event: { name: "Manifest 2026", city: "Las Vegas", venue: null, boothNumber: "", dates: "March 10–12, 2026" },
  booth: { slots: null },
};

describe("merge fields", () => {
  it("fills known fields, tolerates spaces, and reports empty and unknown ones", () => {
    const result = renderTemplate("Hi {{ person.firstName }}, {{account.name}} at {{event.name}} booth {{event.boothNumber}} {{person.shoeSize}}", context);
    expect(result.text).toBe("Hi Dana, Harmon Logistics at Manifest 2026 booth  {{person.shoeSize}}");
    expect(result.missing).toEqual(["event.boothNumber"]);
    expect(result.unknown).toEqual(["person.shoeSize"]);
  });

  it("uses a pipe fallback when the field is empty", () => {
    const result = renderTemplate("{{dossier.summary|A growing shipper}} / {{person.firstName|there}}", context);
    expect(result.text).toBe("A growing shipper / Dana");
    expect(result.missing).toEqual(["dossier.summary"]);
  });

  it("lists the fields a template uses", () => {
    expect(fieldsUsed("{{person.firstName}} {{account.name}} {{person.firstName}}")).toEqual(["person.firstName", "account.name"]);
  });

  it("the deterministic composer is stable and never leaves a blank where a fallback exists", () => {
    const sparse: MergeContext = { ...context, person: { ...context.person, firstName: "" }, dossier: { painPoint: null } };
    const template = { subject: "{{person.firstName}}, quick one", body: "Hi {{person.firstName}}, I hear {{dossier.painPoint}}." };
    const a = composeDeterministic(template, sparse, DEFAULT_SELLER_PROFILE);
    expect(a).toEqual(composeDeterministic(template, sparse, DEFAULT_SELLER_PROFILE));
    expect(a.message).toBe("Hi there, I hear trailers wait too long between the gate and the dock.");
    expect(a.subject).toBe("There, quick one");
    expect(a.missing.sort()).toEqual(["dossier.painPoint", "person.firstName"]);
  });

  it("a pipe fallback wins over the seller's default, and an empty pipe means nothing", () => {
    const sparse: MergeContext = { ...context, person: { ...context.person, firstName: null } };
    const fallbacks = mergeFallbacks(DEFAULT_SELLER_PROFILE);
    expect(renderMessage({ subject: null, body: "Hi {{person.firstName|friend}}" }, sparse, fallbacks).message).toBe("Hi friend");
    expect(renderMessage({ subject: null, body: "Hi{{person.firstName|}}!" }, sparse, fallbacks).message).toBe("Hi!");
    expect(renderMessage({ subject: null, body: "Hi {{person.firstName}}!" }, sparse, fallbacks).message).toBe("Hi there!");
  });

  it("capitalises a value that starts a sentence, and only then", () => {
    const body = "Sound familiar? {{dossier.painPoint}}. We hear {{dossier.painPoint}} a lot.\n\n{{dossier.painPoint}}!";
    expect(renderTemplate(body, context).text).toBe("Sound familiar? Trailers wait hours at the gate. We hear trailers wait hours at the gate a lot.\n\nTrailers wait hours at the gate!");
  });

  it("finds placeholders that are not merge fields", () => {
    expect(unknownFields("Hi {{person.firstName}} {{person.nickname}}", null, "{{event.name}} {{foo.bar|x}}")).toEqual(["person.nickname", "foo.bar"]);
  });

  it("takes the fallback pain point from the seller profile", () => {
    const sparse: MergeContext = { ...context, dossier: { painPoint: null } };
    const profile = { ...DEFAULT_SELLER_PROFILE, painPoints: [{ pain: "Month-end close takes two weeks.", solution: "Automated reconciliations", proof: "" }] };
    const a = composeDeterministic({ subject: null, body: "I hear {{dossier.painPoint}}." }, sparse, profile);
    expect(a.message).toBe("I hear month-end close takes two weeks.");
  });
});
