/**
 * Likely yard-management pain points for an account, from what we know without research:
 * its industry (matched by keywords, since imported industries are free text), its size and
 * its number of facilities. Every account gets the core yard problems (dwell, detention, gate
 * congestion, visibility, trailer hunting) phrased for its industry; multi-site networks get
 * the cross-site visibility point.
 */
type IndustryPains = { match: RegExp; label: string; pains: string[] };

const INDUSTRY_PAINS: IndustryPains[] = [
  {
    match: /3pl|third.party|logistics|warehous|fulfil/i,
    label: "third-party logistics",
    pains: [
      "Yard moves and trailer storage are hard to bill back to clients without a record of each move",
      "Clients ask for dwell-time reporting that sites cannot produce without manual work",
      "Each client site runs its yard differently, so best practices never spread across the network",
    ],
  },
  {
    match: /retail|e-?commerce|grocery|apparel|store/i,
    label: "retail",
    pains: [
      "Peak-season inbound volume overwhelms the gate and trucks back up onto the access road",
      "Store replenishment trailers wait for doors while empty trailers clog the yard",
      "Import containers sit in the yard for days because nobody knows which ones are priority",
    ],
  },
  {
    match: /food|beverage|bever|dairy|meat|produce|bottl|brew|cold/i,
    label: "food and beverage",
    pains: [
      "Reefer trailers idle in the yard burning fuel with no alert when a unit fails",
      "Food-safety audits need trailer temperature and dwell records that live on clipboards",
      "Perishable loads miss their windows because the yard team cannot see what is waiting",
    ],
  },
  {
    match: /manufactur|automotive|industrial|chemical|steel|plant|paper|packag/i,
    label: "manufacturing",
    pains: [
      "Line-side deliveries arrive late because inbound trailers are lost in an overflow lot",
      "Plants pay demurrage on containers of raw material that were already on site",
      "Hostler drivers spend a large share of their moves searching for the right trailer",
    ],
  },
  {
    match: /truck|carrier|freight|transport|fleet|trucking/i,
    label: "transportation",
    pains: [
      "Driver turn times above two hours at shipper facilities hurt driver retention",
      "Detention claims are disputed because there are no trustworthy gate timestamps",
      "Terminal yards run on radio calls and whiteboards, so dispatch cannot plan around them",
    ],
  },
  {
    match: /wholesale|distribut|cross.?dock/i,
    label: "distribution",
    pains: [
      "Cross-dock transfers stall when outbound trailers are not staged at the right doors",
      "Vendor deliveries arrive without appointments and crowd out scheduled carriers",
      "Dock door assignments live in one supervisor's head and break down on night shifts",
    ],
  },
  {
    match: /consumer|cpg|packaged|household|personal care|beauty/i,
    label: "consumer packaged goods",
    pains: [
      "Retailer on-time-in-full fines rise when loads leave late because trailers were not ready",
      "Shipments to big-box customers miss appointment windows after long yard dwell",
      "Co-packer and plant yards are invisible to the central transportation team",
    ],
  },
];

const CORE = [
  "Trailer dwell time is not measured, so long-dwelling trailers are found only when someone complains",
  "Detention charges pile up when carriers wait at the gate or the door",
  "Gate check-in is manual, so trucks queue at shift changes",
  "Yard jockeys hunt for trailers because the yard map lives on paper or a whiteboard",
];

export function industryLabel(industry: string | null | undefined): string | null {
  if (!industry) return null;
  return INDUSTRY_PAINS.find((p) => p.match.test(industry))?.label ?? null;
}

export function likelyPainPoints(account: { industry: string | null; facilityCount: number | null; employeeCount: number | null }): string[] {
  const fromIndustry = account.industry ? INDUSTRY_PAINS.find((p) => p.match.test(account.industry!))?.pains ?? [] : [];
  const points = [...fromIndustry, ...CORE.slice(0, fromIndustry.length ? 2 : 4)];
  if ((account.facilityCount ?? 0) >= 5) {
    points.push(`With ${account.facilityCount} facilities there is no single view of yard status across the network`);
  }
  if ((account.employeeCount ?? 0) >= 5000) {
    points.push("Yard labour (hostlers, gate clerks) is a large, hard-to-staff cost at this scale");
  }
  return points.slice(0, 6);
}
