import { z } from "zod";
import { trimTrailing } from "@/lib/utils";
import { ROI_TEMPLATE_IDS } from "@/server/roi/templates";

/**
 * The seller profile: what we sell, to whom, and why it pays — the one place every word the app
 * writes for a rep comes from. AI prompts, the built-in composer, research pain points, talking
 * points, ICP industry fit and the ROI calculator all read it, so another exhibitor adopts the
 * app by filling in Settings → "Our product", not by changing code. The shipped default (and the
 * demo) is a vendor of yard-management software.
 *
 * Industries match an account's free-text industry by keywords (case-insensitive, first listed
 * industry wins); `fit` (0–100) is the industry factor of the ICP score; an account whose
 * industry matches none gets `otherIndustryFit`.
 */
const text = (max: number, what: string) => z.string().trim().min(1, `Enter ${what}`).max(max, `Keep ${what} under ${max} characters`);

const painPointEntry = z.strictObject({
  pain: text(300, "the pain"),
  solution: text(400, "how we solve it"),
  proof: z.string().trim().max(300).default(""),
});

const targetIndustry = z.strictObject({
  name: text(80, "the industry's name"),
  keywords: z.array(z.string().trim().toLowerCase().min(2, "A keyword has at least 2 letters").max(40)).min(1, "Give at least one keyword").max(15),
  fit: z.number().int("A whole number").min(0).max(100),
  why: z.string().trim().max(200).default(""),
  pains: z.array(z.string().trim().min(1).max(300)).max(6).default([]),
});

export const sellerProfileSchema = z.strictObject({
  productName: text(80, "the product name"),
  pitch: text(300, "a one-line pitch"),
  /** What we ask for in outreach ("20 minutes at our booth"). */
  meetingAsk: text(120, "the meeting ask"),
  valueProps: z.array(z.string().trim().min(1).max(300)).min(1, "Give at least one value proposition").max(8),
  painPoints: z.array(painPointEntry).min(1, "Give at least one pain point").max(20),
  industries: z.array(targetIndustry).max(20),
  otherIndustryFit: z.number().int().min(0).max(100),
  roiTemplate: z.enum(ROI_TEMPLATE_IDS),
  /** The ROI model's default inputs, by key of the chosen template (others are ignored). */
  roiDefaults: z.record(z.string().max(60), z.number().min(0).max(1_000_000_000)).default({}),
});
export type SellerProfile = z.infer<typeof sellerProfileSchema>;
export type TargetIndustry = SellerProfile["industries"][number];

export const DEFAULT_SELLER_PROFILE: SellerProfile = {
  productName: "YardPilot",
  pitch: "We give yard teams a live view of every trailer, faster gate check-in and fewer detention charges, usually within the first quarter.",
  meetingAsk: "20 minutes at our booth",
  valueProps: [
    "A live yard map: every trailer, its load and how long it has waited",
    "Gate check-in in under two minutes with appointment matching",
    "Fewer detention charges from trustworthy gate and door timestamps",
  ],
  painPoints: [
    { pain: "Trailers wait too long between the gate and the dock", solution: "Door assignments and jockey moves are queued from live dwell times", proof: "Customers cut average dwell by a fifth in the first quarter" },
    { pain: "Detention charges pile up when carriers wait at the gate or the door", solution: "Gate-to-door timestamps flag trailers before free time runs out", proof: "Detention spend down 40% at a 12-site grocery network" },
    { pain: "Gate check-in is manual, so trucks queue at shift changes", solution: "Self check-in kiosks and appointment matching at the gate", proof: "Check-in time from 10 to under 4 minutes" },
    { pain: "Yard jockeys hunt for trailers because the yard map lives on paper or a whiteboard", solution: "Every trailer's spot on a live map, updated by each move", proof: "A fifth more moves per jockey hour" },
  ],
  industries: [
    { name: "Third-party logistics", keywords: ["3pl", "third-party logistics", "third party logistics", "logistics", "warehous", "fulfil"], fit: 100, why: "runs yards for many shippers: the core buyer", pains: ["Yard moves and trailer storage are hard to bill back to clients without a record of each move", "Clients ask for dwell-time reporting that sites cannot produce without manual work", "Each client site runs its yard differently, so best practices never spread across the network"] },
    { name: "Transportation", keywords: ["transport", "trucking", "freight", "carrier", "fleet"], fit: 95, why: "trailer-heavy operations, detention on both sides", pains: ["Driver turn times above two hours at shipper facilities hurt driver retention", "Detention claims are disputed because there are no trustworthy gate timestamps", "Terminal yards run on radio calls and whiteboards, so dispatch cannot plan around them"] },
    { name: "Food and beverage", keywords: ["food", "beverage", "grocery", "dairy", "meat", "produce", "brew", "cold"], fit: 90, why: "time-critical inbound and reefer trailers", pains: ["Reefer trailers idle in the yard burning fuel with no alert when a unit fails", "Food-safety audits need trailer temperature and dwell records that live on clipboards", "Perishable loads miss their windows because the yard team cannot see what is waiting"] },
    { name: "Retail", keywords: ["retail", "e-commerce", "ecommerce", "apparel", "store"], fit: 85, why: "high-volume DCs with seasonal peaks", pains: ["Peak-season inbound volume overwhelms the gate and trucks back up onto the access road", "Store replenishment trailers wait for doors while empty trailers clog the yard", "Import containers sit in the yard for days because nobody knows which ones are priority"] },
    { name: "Consumer packaged goods", keywords: ["consumer packaged", "cpg", "consumer goods", "household", "personal care"], fit: 85, why: "plant-to-DC flows with many carriers", pains: ["Retailer on-time-in-full fines rise when loads leave late because trailers were not ready", "Shipments to big-box customers miss appointment windows after long yard dwell", "Co-packer and plant yards are invisible to the central transportation team"] },
    { name: "Distribution", keywords: ["wholesale", "distribut", "cross-dock", "crossdock"], fit: 85, why: "distribution centres with busy gates", pains: ["Cross-dock transfers stall when outbound trailers are not staged at the right doors", "Vendor deliveries arrive without appointments and crowd out scheduled carriers", "Dock door assignments live in one supervisor's head and break down on night shifts"] },
    { name: "Manufacturing", keywords: ["manufactur", "automotive", "industrial", "chemical", "steel", "paper", "packag"], fit: 75, why: "inbound materials and outbound finished goods", pains: ["Line-side deliveries arrive late because inbound trailers are lost in an overflow lot", "Plants pay demurrage on containers of raw material that were already on site", "Hostler drivers spend a large share of their moves searching for the right trailer"] },
    { name: "Healthcare", keywords: ["pharma", "health", "medical"], fit: 60, why: "some regulated yard flows", pains: [] },
  ],
  otherIndustryFit: 30,
  roiTemplate: "yard_management",
  roiDefaults: {},
};

/** The target industry an account's free-text industry belongs to, or null. */
export function matchIndustry(profile: Pick<SellerProfile, "industries">, industry: string | null | undefined): TargetIndustry | null {
  const value = industry?.trim().toLowerCase();
  if (!value) return null;
  return profile.industries.find((i) => i.keywords.some((k) => value.includes(k)) || value.includes(i.name.toLowerCase())) ?? null;
}

/** The sentence form of a pain for the middle of a sentence ("trailers wait too long …"). */
export function inSentence(pain: string): string {
  const trimmed = trimTrailing(pain.trim(), ".!");
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * What an empty merge field becomes when its placeholder has no pipe fallback, in this seller's
 * words (the renderer, src/lib/merge-fields.ts, takes them for drafts and for the send path).
 */
export function mergeFallbacks(profile: SellerProfile): Record<string, string> {
  return {
    "person.firstName": "there",
    "account.name": "your team",
    "dossier.painPoint": inSentence(profile.painPoints[0].pain),
    "person.title": "operations leader",
  };
}
