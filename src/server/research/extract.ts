import { SAXParser, type StartTag } from "parse5-sax-parser";

/**
 * What the built-in researcher reads from a company's public web page (no script runs): title,
 * meta/OpenGraph description, headings, same-site links worth following (contact, locations,
 * products, news), US-style "City, ST" locations, and the web technologies a page reveals in its
 * scripts and meta tags.
 *
 * The page is read in one pass by parse5's HTML tokenizer (the WHATWG algorithm, linear in the
 * page's length; entities decoded as browsers do). No regular expression ever spans tags: the
 * old tag-matching expressions backtracked, so one crafted 1 MB page held the server for
 * minutes. The expressions left run over one text run or the raw page and cannot backtrack
 * (tests/unit/linear-parsing.test.ts).
 */
export type PageFacts = {
  url: string;
  title: string | null;
  description: string | null;
  headings: string[];
  locations: string[];
  links: { kind: "contact" | "locations" | "products" | "news" | "about"; url: string; text: string }[];
  technologies: string[];
  news: { title: string; url: string }[];
};

const LINK_KINDS: { kind: PageFacts["links"][number]["kind"]; pattern: RegExp }[] = [
  { kind: "contact", pattern: /contact/i },
  { kind: "locations", pattern: /locations?|facilities|network|where-we-are|our-sites|distribution-centers?/i },
  { kind: "products", pattern: /products?|services|solutions|capabilities|what-we-do/i },
  { kind: "news", pattern: /news|press|media|blog/i },
  { kind: "about", pattern: /about/i },
];

const TECH_SIGNS: { name: string; pattern: RegExp }[] = [
  { name: "WordPress", pattern: /wp-content|wp-includes|content="WordPress/i },
  { name: "Drupal", pattern: /drupal/i },
  { name: "Shopify", pattern: /cdn\.shopify\.com/i },
  { name: "Salesforce", pattern: /salesforce|force\.com|pardot/i },
  { name: "HubSpot", pattern: /hs-scripts\.com|hubspot/i },
  { name: "Marketo", pattern: /marketo|mktoweb/i },
  { name: "Google Analytics", pattern: /googletagmanager|google-analytics/i },
  { name: "Adobe Experience Manager", pattern: /\/etc\.clientlibs\/|adobedtm/i },
  { name: "SAP", pattern: /\bsap\b|sap\.com/i },
  { name: "Oracle", pattern: /oracle/i },
  { name: "Manhattan Associates", pattern: /manhattan associates|manh\.com/i },
  { name: "Blue Yonder", pattern: /blue ?yonder|jda software/i },
  { name: "Workday", pattern: /myworkdayjobs|workday/i },
];

const US_STATES = "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC";
// Word boundaries pin each attempt to a word start, and each word is tried at most three ways.
const LOCATION = new RegExp(`\\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), (${US_STATES})\\b`, "g");

/** Tags whose content is not page text. */
const NOT_TEXT = new Set(["script", "style", "noscript", "template", "svg", "math"]);

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

const attr = (tag: StartTag, name: string) => tag.attrs.find((a) => a.name === name)?.value;

export function extractPageFacts(html: string, pageUrl: string): Promise<PageFacts> {
  const base = new URL(pageUrl);
  let title: string | null = null;
  const meta = new Map<string, string>();
  const headings: string[] = [];
  const runs: string[] = [];
  const anchors: { href: string; text: string }[] = [];

  let skipping: string | null = null; // inside <script>, <style> …: its text is not page text
  let inHead = false;
  let titleText: string[] | null = null;
  let headingText: string[] | null = null;
  let anchor: { href: string; text: string[] } | null = null;

  const parser = new SAXParser();
  parser.on("startTag", (tag) => {
    if (skipping) return;
    const name = tag.tagName;
    if (NOT_TEXT.has(name)) {
      if (!tag.selfClosing) skipping = name;
    } else if (name === "head") inHead = true;
    else if (name === "body") inHead = false;
    else if (name === "title" && title === null) titleText = [];
    else if (name === "h1" || name === "h2") headingText = [];
    else if (name === "meta") {
      const key = (attr(tag, "name") ?? attr(tag, "property"))?.toLowerCase();
      const content = attr(tag, "content");
      if (key && content && !meta.has(key)) meta.set(key, collapse(content));
    } else if (name === "a") {
      const href = attr(tag, "href");
      anchor = href && !href.startsWith("#") ? { href, text: [] } : null;
    }
  });
  parser.on("endTag", ({ tagName: name }) => {
    if (skipping) {
      if (name === skipping) skipping = null;
      return;
    }
    if (name === "head") inHead = false;
    else if (name === "title" && titleText) {
      title = collapse(titleText.join(" ")).slice(0, 200) || null;
      titleText = null;
    } else if ((name === "h1" || name === "h2") && headingText) {
      headings.push(collapse(headingText.join(" ")));
      headingText = null;
    } else if (name === "a" && anchor) {
      anchors.push({ href: anchor.href, text: collapse(anchor.text.join(" ")) });
      anchor = null;
    }
  });
  parser.on("text", ({ text }) => {
    if (skipping) return;
    titleText?.push(text);
    headingText?.push(text);
    anchor?.text.push(text);
    if (!inHead && !titleText) {
      const run = collapse(text);
      if (run) runs.push(run);
    }
  });

  return new Promise((resolve, reject) => {
    parser.on("error", reject);
    parser.on("finish", () => {
      const { links, news } = sameSiteLinks(anchors, base);
      // Match within each text run, so "Locations</title>…<li>Dallas, TX" never fuses.
      const locations = [...new Set(runs.flatMap((run) => [...run.matchAll(LOCATION)].map((m) => `${m[1]}, ${m[2]}`)))].slice(0, 20);
      const technologies = TECH_SIGNS.filter((t) => t.pattern.test(html)).map((t) => t.name);
      const generator = meta.get("generator");
      if (generator && !technologies.some((t) => generator.toLowerCase().includes(t.toLowerCase()))) technologies.push(generator.slice(0, 60));
      resolve({
        url: pageUrl,
        title,
        description: (meta.get("description") ?? meta.get("og:description"))?.slice(0, 500) ?? null,
        headings: headings.filter((h) => h.length > 2 && h.length < 160).slice(0, 12),
        locations,
        links: links.slice(0, 20),
        technologies,
        news: news.slice(0, 5),
      });
    });
    parser.end(html);
  });
}

function sameSiteLinks(anchors: { href: string; text: string }[], base: URL) {
  const links: PageFacts["links"] = [];
  const news: PageFacts["news"] = [];
  const seen = new Set<string>();
  for (const anchor of anchors) {
    let url: URL;
    try {
      url = new URL(anchor.href, base);
    } catch {
      continue;
    }
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host !== base.host) continue;
    url.hash = "";
    const text = anchor.text.slice(0, 160);
    const href = url.toString();
    if (seen.has(href) || href === base.toString()) continue;
    seen.add(href);
    const kind = LINK_KINDS.find((k) => k.pattern.test(url.pathname) || k.pattern.test(text))?.kind;
    if (kind) links.push({ kind, url: href, text });
    if (/news|press/i.test(url.pathname) && text.split(" ").length >= 4) news.push({ title: text, url: href });
  }
  return { links, news };
}
