/**
 * What the built-in researcher reads from a company's public web page, with plain regular
 * expressions over the HTML (no script runs): title, meta/OpenGraph description, headings,
 * same-site links worth following (contact, locations, products, news), US-style "City, ST"
 * locations, and the web technologies a page reveals in its scripts and meta tags.
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

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

export function decodeEntities(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (match, code: string) => {
      if (code[0] === "#") {
        const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : match;
      }
      return ENTITIES[code.toLowerCase()] ?? match;
    })
    .replace(/\s+/g, " ")
    .trim();
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, " "));
}

function metaContent(html: string, name: string): string | null {
  const tags = html.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of tags) {
    const key = /\b(?:name|property)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (key === name) {
      const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
      if (content) return decodeEntities(content);
    }
  }
  return null;
}

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
const LOCATION = new RegExp(`\\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}), (${US_STATES})\\b`, "g");

export function extractPageFacts(html: string, pageUrl: string): PageFacts {
  const base = new URL(pageUrl);
  const withoutScripts = html.replace(/<script\b[\s\S]*?<\/script>/gi, " ").replace(/<style\b[\s\S]*?<\/style>/gi, " ");
  const title = (() => {
    const raw = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
    return raw ? stripTags(raw).slice(0, 200) || null : null;
  })();
  const description = (metaContent(html, "description") ?? metaContent(html, "og:description"))?.slice(0, 500) ?? null;
  const headings = [...withoutScripts.matchAll(/<h[12][^>]*>([\s\S]*?)<\/h[12]>/gi)]
    .map((m) => stripTags(m[1]))
    .filter((h) => h.length > 2 && h.length < 160)
    .slice(0, 12);

  const links: PageFacts["links"] = [];
  const news: PageFacts["news"] = [];
  const seen = new Set<string>();
  for (const m of withoutScripts.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"'#]+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    let url: URL;
    try {
      url = new URL(decodeEntities(m[1]), base);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:" || url.host !== base.host) continue;
    const text = stripTags(m[2]).slice(0, 160);
    const href = url.toString();
    if (seen.has(href) || href === base.toString()) continue;
    seen.add(href);
    const kind = LINK_KINDS.find((k) => k.pattern.test(url.pathname) || k.pattern.test(text))?.kind;
    if (kind) links.push({ kind, url: href, text });
    if (/news|press/i.test(url.pathname) && text.split(" ").length >= 4) news.push({ title: text, url: href });
  }

  // Match within each text run of the body, so "Locations</title>…<li>Dallas, TX" never fuses.
  const body = withoutScripts.replace(/<head\b[\s\S]*?<\/head>/i, " ");
  const runs = body.split(/<[^>]*>/).map(decodeEntities).filter(Boolean);
  const locations = [...new Set(runs.flatMap((run) => [...run.matchAll(LOCATION)].map((m) => `${m[1]}, ${m[2]}`)))].slice(0, 20);
  const technologies = TECH_SIGNS.filter((t) => t.pattern.test(html)).map((t) => t.name);
  const generator = metaContent(html, "generator");
  if (generator && !technologies.some((t) => generator.toLowerCase().includes(t.toLowerCase()))) technologies.push(generator.slice(0, 60));
  return { url: pageUrl, title, description, headings, locations, links: links.slice(0, 20), technologies, news: news.slice(0, 5) };
}
