import { describe, expect, it } from "vitest";
import { createAccountBody } from "@/server/accounts/service";
import { extractLinks } from "@/server/email/compose";
import { classifyInbound, findReturnDate } from "@/server/inbound/classify";
import type { InboundMail } from "@/server/inbound/parse";
import { detectMapping } from "@/server/import/fields";
import { parseCsvText, parseLooseNumber } from "@/server/import/parse";
import { readRecords } from "@/server/import/records";
import { addressesIn, angleBracketed, trimTrailing } from "@/lib/utils";
import { splitStreamedDraft } from "@/server/outreach/drafts";
import { extractPageFacts } from "@/server/research/extract";
import { inSentence } from "@/server/seller/profile";
import { renderTemplate, type MergeContext } from "@/lib/merge-fields";

/**
 * Issue 13 item 6: one 32 KB CSV cell or one fetched web page must not hold the server. Each
 * adversarial input below made a backtracking regular expression (or a recursion) quadratic:
 * at 32 KB they took about a second, at 100 KB several seconds, at 1 MB minutes. Now the work is
 * linear: measured here (CPU time of this process on a 2-core machine) 100 KB
 * takes a few milliseconds and 1 MB 40–600 ms. The bounds asserted are generous on purpose (no
 * flaky timing), yet every one of these inputs exceeded the 100 KB bound by 10× or more
 * before the fix. Growth from 100 KB to 1.6 MB was checked by hand to be linear (see
 * docs/SECURITY.md, "Input handling").
 */

const BOUNDS_MS: [size: number, ms: number, runs: number][] = [
  [100_000, 250, 2],
  [1_000_000, 2500, 1],
];

/** CPU time of this process (other processes on the machine do not count), best of `runs`. */
async function cpuMs(runs: number, work: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    await work();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

async function expectLinear(label: string, make: (size: number) => string, work: (input: string) => unknown) {
  await work(make(1000)); // warm the JIT
  for (const [size, bound, runs] of BOUNDS_MS) {
    const input = make(size);
    const ms = await cpuMs(runs, () => work(input));
    expect(ms, `${label}: ${size / 1000} KB took ${ms.toFixed(0)} ms of CPU`).toBeLessThan(bound);
  }
}

/** n characters made of `unit` repeated (cut to length). */
const fill = (unit: string, n: number, prefix = "", suffix = "") => prefix + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + suffix;

describe("web page extraction is linear in the page's size", () => {
  const pages: Record<string, (n: number) => string> = {
    "unclosed angle brackets": (n) => fill("<", n),
    "unclosed meta tags": (n) => fill("<meta", n),
    "meta attribute soup": (n) => fill("name ", n, "<meta "),
    "unclosed script tags": (n) => fill("<script>", n),
    "unclosed title tags": (n) => fill("<title>", n),
    "unclosed headings": (n) => fill("<h1>", n),
    "unclosed links": (n) => fill("<a href='/x'>", n),
    "unclosed head tags": (n) => fill("<head>", n),
    "entity-like text": (n) => fill("&a", n),
    "deep nesting then stray closes": (n) => fill("<div>", n / 2) + fill("</span>", n / 2),
    "capitalised words (the City, ST pattern)": (n) => fill("Aa Bb Cc ", n, "<p>"),
    "almost-locations": (n) => fill("Dallas Fort Worth,", n, "<p>"),
    "one huge word": (n) => fill("A", 1) + fill("a", n),
  };
  for (const [label, make] of Object.entries(pages)) {
    it(label, async () => {
      await expectLinear(label, make, (html) => extractPageFacts(html, "https://acme.example/"));
    });
  }

  it("still reads what a real page says", async () => {
    const facts = await extractPageFacts(
      `<!doctype html><html><head><title>Acme &amp; Sons | Yard</title>
        <meta name="description" content="Cold  chain &quot;logistics&quot;"><meta name="generator" content="Hugo 0.120">
        <script>var x = "<h1>not a heading</h1> Dallas, TX";</script><style>h1{}</style></head>
        <body><h1>Twelve <em>distribution</em> centers</h1><h2>Hi</h2>
        <ul><li>Dallas, TX</li><li>Fort Worth, TX</li></ul><p>Locations</p><p>Memphis, TN and Reno, NV</p>
        <a href="/contact#form">Talk to us</a><a href="https://acme.example/locations/">Our network</a>
        <a href="https://other.example/contact">Elsewhere</a><a href="#top">Top</a>
        <a href="/news/2026/acme-opens-new-dc">Acme opens a new DC in Ohio</a>
        <svg><title>icon</title></svg><noscript>Enable JavaScript, OH</noscript>
        <script src="https://js.hs-scripts.com/1.js"></script></body></html>`,
      "https://acme.example/",
    );
    expect(facts).toEqual({
      url: "https://acme.example/",
      title: "Acme & Sons | Yard",
      description: 'Cold chain "logistics"',
      headings: ["Twelve distribution centers"],
      locations: ["Dallas, TX", "Fort Worth, TX", "Memphis, TN", "Reno, NV"],
      links: [
        { kind: "contact", url: "https://acme.example/contact", text: "Talk to us" },
        { kind: "locations", url: "https://acme.example/locations/", text: "Our network" },
        { kind: "news", url: "https://acme.example/news/2026/acme-opens-new-dc", text: "Acme opens a new DC in Ohio" },
      ],
      technologies: ["HubSpot", "Hugo 0.120"],
      news: [{ title: "Acme opens a new DC in Ohio", url: "https://acme.example/news/2026/acme-opens-new-dc" }],
    });
  });
});

describe("CSV import parsing is linear in the cell's size", () => {
  const read = (csv: string) => {
    const parsed = parseCsvText(csv);
    return readRecords(parsed.headers, parsed.rows, detectMapping(parsed.headers));
  };
  const row = (column: string, cell: string) => `Company name,${column}\nAcme,"${cell.replaceAll('"', '""')}"\n`;
  const cells: Record<string, [column: string, make: (n: number) => string]> = {
    "spaces inside a number": ["Employees", (n) => fill(" ", n, "1", "x")],
    "a currency sign then spaces": ["Annual revenue", (n) => fill(" ", n, "$", "x")],
    "spaces before a currency code": ["Annual revenue", (n) => fill(" ", n, "1", "usdx")],
    "a chain of ranges": ["Employees", (n) => fill("1-", n, "", "x")],
    "digits and spaces": ["Facilities", (n) => fill("1 ", n, "", "x")],
    "an email of dots": ["Email", (n) => fill("b.", n, "a@", "@")],
    "an email without an at sign": ["Email", (n) => fill("a", n)],
    "a website of dots": ["Website", (n) => fill("a.", n, "http://")],
    "a domain of dashes": ["Domain", (n) => fill("a-", n)],
    "a full name of spaces": ["Full name", (n) => fill(" a", n)],
    "a company name of punctuation": ["Industry", (n) => fill("Ä.,' ", n)],
  };
  for (const [label, [column, make]] of Object.entries(cells)) {
    it(label, async () => {
      await expectLinear(label, (n) => row(column, make(n)), read);
    });
  }

  it("a number cell past any real number's length is refused at once, with a short message", () => {
    const result = parseLooseNumber(fill("1-", 32_000));
    expect(result).toEqual({ ok: false, error: `"${fill("1-", 40)}…" is not a number` });
  });

  it("still reads the loose numbers people write", () => {
    const cases: [string, number | null][] = [
      ["1,200", 1200], ["$5M", 5e6], ["€1.2 bn", 1.2e9], ["12.5k", 12_500], ["51-200", 125.5], ["10 to 50", 30],
      ["$5M - $10M", 7.5e6], ["10,000+", 10_000], ["USD 1,200", 1200], ["1,200 usd", 1200], ["1 200 000", 1_200_000],
      ["1\u00a0200", 1200], ["1.200.000", 1_200_000], ["1.500.000,50", 1_500_000.5], ["5.", 5], ["5 m.", 5e6], ["n/a", null],
    ];
    for (const [text, value] of cases) expect(parseLooseNumber(text), text).toEqual({ ok: true, value });
    for (const text of ["lots", "5 zillion", "1,200,", "5.m", "--5", "5 million dollars"]) expect(parseLooseNumber(text).ok, text).toBe(false);
    expect(parseLooseNumber("-5")).toEqual({ ok: false, error: '"-5" is negative' });
  });
});

describe("other text that reps write or strangers send is read in linear time", () => {
  const context = { person: {}, account: {}, event: {}, sender: {} } as MergeContext;
  const cases: Record<string, [make: (n: number) => string, work: (input: string) => unknown]> = {
    "a delivery header of one long word without an inner @ (anyone can email the reply address)": [(n) => fill("a", n, "@"), addressesIn],
    "a header of <<<… without a closing >": [(n) => fill("<", n, "", "a"), angleBracketed],
    "a mail body of \"ich bin ich bin …\" (German out-of-office check)": [(n) => fill("ICH BIN ", n, "", "BIN \n \n"), (t) => findReturnDate(t, new Date("2026-06-01T12:00:00Z"))],
    "a template with unclosed fallbacks": [(n) => fill("{{a.b|", n, "", ".}{{a.b}}"), (t) => renderTemplate(t, context)],
    "a message link ending in punctuation": [(n) => fill("!", n, "see https://acme.example/x", "a!"), extractLinks],
    "an account domain of slashes": [(n) => fill("/", n, "", "\n/"), (d) => createAccountBody.safeParse({ name: "Acme", domain: d })],
    "a streamed draft whose subject line is all tabs (the model writes it)": [(n) => fill("\t", n, "SUBJECT:", "\rSUBJECT:\n"), (t) => splitStreamedDraft(t, "EMAIL")],
    "a pain point ending in a long run of exclamation marks": [(n) => fill("!", n, "", "x!"), inSentence],
  };
  for (const [label, [make, work]] of Object.entries(cases)) {
    it(label, async () => {
      await expectLinear(label, make, work);
    });
  }

  it("still finds the addresses, the links and the domain", () => {
    expect(addressesIn('"Dana" <DANA@Acme.test>, ops@acme.test; @x y@ a@b@c')).toEqual(["DANA@Acme.test", "ops@acme.test", "a@b@c"]);
    expect(angleBracketed('"Dana" <dana@acme.test>')).toBe("dana@acme.test");
    expect(angleBracketed("<>x<<a>")).toBe("<a");
    expect(angleBracketed("no brackets <here")).toBeNull();
    const mail = (text: string): InboundMail => ({ dedupeKey: "sha256:x", messageId: null, inReplyTo: [], references: [], from: null, recipients: [], subject: "Re: Termin", date: new Date("2026-06-01T12:00:00Z"), text, headers: new Map(), deliveryStatus: null, quotedMessageIds: [], isDeliveryReport: false });
    expect(classifyInbound(mail("Ich bin bis Mittwoch leider nicht im Büro")).kind).toBe("AUTO_REPLY");
    expect(classifyInbound(mail("Danke, bin ich gern dabei, wir sind ab Mittwoch wieder abwesend")).kind).toBe("AUTO_REPLY");
    expect(classifyInbound(mail("Ich bin dabei. Herr Meier ist nicht im Büro")).kind).toBe("REPLY");
    expect(classifyInbound(mail(`Ich bin ${"sehr ".repeat(20)}abwesend`)).kind).toBe("REPLY");
    expect(extractLinks("See https://acme.example/demo?x=1). And https://acme.example/case!")).toEqual(["https://acme.example/demo?x=1", "https://acme.example/case"]);
    expect(renderTemplate("Hi {{person.firstName|there}}, {{account.name}}", { ...context, account: { name: "Acme" } }).text).toBe("Hi there, Acme");
    expect(createAccountBody.parse({ name: "Acme", domain: "https://www.Acme.com/about/us" }).domain).toBe("acme.com");
    expect(splitStreamedDraft("\n Subject:\tYard visit at Booth 12\r\nHi Dana,\n\nSee you there.", "EMAIL")).toEqual({ subject: "Yard visit at Booth 12", body: "Hi Dana,\n\nSee you there." });
    expect(splitStreamedDraft("Hi Dana, Subject: none\nBye", "EMAIL")).toEqual({ subject: null, body: "Hi Dana, Subject: none\nBye" });
    expect(splitStreamedDraft("subject: Hello\nBody", "LINKEDIN")).toEqual({ subject: null, body: "Body" });
    expect(inSentence("Trailers wait too long at the gate!!.")).toBe("trailers wait too long at the gate");
    expect(trimTrailing("end.!?", ".!")).toBe("end.!?");
  });
});
