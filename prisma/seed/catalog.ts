/**
 * Vocabulary for the demo data: industries, places, names, titles and the yard-management
 * story (pain points, tech stacks, news). All companies and people are fictional; product
 * names in tech stacks are real systems a prospect would plausibly run.
 */

type IndustryKey = "3pl" | "retail" | "manufacturing" | "food" | "carrier" | "distribution" | "cpg";

export interface IndustryProfile {
  key: IndustryKey;
  label: string;
  /** Share of the target list. */
  weight: number;
  /** Words that end a company name in this industry ("… Logistics"). */
  nouns: readonly string[];
  /** Employee count range (log-uniform between the two). */
  employees: readonly [number, number];
  /** Annual revenue per employee in USD. */
  revenuePerEmployee: readonly [number, number];
  /** Facilities per 1,000 employees (min, max). */
  facilitiesPer1000: readonly [number, number];
  facilityTypes: readonly string[];
  painPoints: readonly string[];
  /** What a prospect in this industry is trying to fix, in a sentence for summaries. */
  focus: string;
}

export const INDUSTRIES: readonly IndustryProfile[] = [
  {
    key: "3pl",
    label: "Third-Party Logistics",
    weight: 22,
    nouns: ["Logistics", "Supply Chain", "Fulfillment", "Logistics Partners", "Warehousing", "Distribution Services", "Logistics Solutions", "3PL"],
    employees: [250, 60000],
    revenuePerEmployee: [110000, 210000],
    facilitiesPer1000: [2, 6],
    facilityTypes: ["Multi-client DC", "Fulfillment Center", "Cross-dock", "Contract Warehouse"],
    painPoints: [
      "Yard moves and trailer storage are hard to bill back to clients because nothing records them",
      "Each client site runs the yard differently, so best practices never spread across the network",
      "Clients ask for dwell-time reporting the sites cannot produce without manual work",
      "Onboarding a new client site takes weeks of spreadsheet setup for dock and yard scheduling",
    ],
    focus: "standardise yard operations across client sites and bill accessorials accurately",
  },
  {
    key: "retail",
    label: "Retail",
    weight: 14,
    nouns: ["Stores", "Home", "Outfitters", "Market", "Mercantile", "Hardware", "Home & Garden", "Goods"],
    employees: [1500, 120000],
    revenuePerEmployee: [180000, 420000],
    facilitiesPer1000: [0.2, 0.9],
    facilityTypes: ["Regional DC", "E-commerce Fulfillment Center", "Import Deconsolidation Center", "Returns Center"],
    painPoints: [
      "Peak-season inbound volume overwhelms the gate and trucks back up onto the access road",
      "Store replenishment trailers wait for doors while empty trailers clog the yard",
      "Import containers sit in the yard for days because nobody knows which ones are priority",
      "Returns trailers pile up after the holidays with no visibility into what is inside",
    ],
    focus: "keep store replenishment on schedule through peak season",
  },
  {
    key: "manufacturing",
    label: "Manufacturing",
    weight: 16,
    nouns: ["Manufacturing", "Industries", "Industrial", "Components", "Materials", "Fabrication", "Packaging", "Plastics"],
    employees: [400, 45000],
    revenuePerEmployee: [220000, 480000],
    facilitiesPer1000: [0.6, 2.5],
    facilityTypes: ["Plant", "Finished Goods DC", "Raw Materials Warehouse", "Assembly Plant"],
    painPoints: [
      "Line-side deliveries arrive late because inbound trailers are lost in an overflow lot",
      "Plants pay demurrage on containers of raw material that were already on site",
      "Shift changes lose track of which trailers are loaded, staged or empty",
      "Hostler drivers spend a third of their moves searching for the right trailer",
    ],
    focus: "feed production lines on time without buying more trailers",
  },
  {
    key: "food",
    label: "Food & Beverage",
    weight: 14,
    nouns: ["Foods", "Farms", "Beverage", "Brewing Co.", "Dairy", "Provisions", "Bottling", "Produce"],
    employees: [300, 50000],
    revenuePerEmployee: [250000, 520000],
    facilitiesPer1000: [0.8, 3],
    facilityTypes: ["Cold Storage DC", "Production Plant", "Bottling Plant", "Temperature-controlled Warehouse"],
    painPoints: [
      "Reefer trailers idle in the yard burning fuel with no alert when a unit fails",
      "Food-safety audits need trailer temperature and dwell records that live on clipboards",
      "Perishable loads miss their windows because the yard team cannot see what is waiting",
      "Seasonal volume spikes double the number of drop trailers the yard has to manage",
    ],
    focus: "protect perishable loads and food-safety compliance in the yard",
  },
  {
    key: "carrier",
    label: "Transportation & Trucking",
    weight: 12,
    nouns: ["Freight", "Transport", "Trucking", "Express", "Freight Lines", "Transportation", "Carriers", "Hauling"],
    employees: [200, 30000],
    revenuePerEmployee: [120000, 230000],
    facilitiesPer1000: [1, 5],
    facilityTypes: ["Terminal", "Drop Yard", "Maintenance Shop", "Cross-dock Terminal"],
    painPoints: [
      "Driver turn times above two hours at shipper facilities hurt driver retention",
      "Detention claims are disputed because there are no trustworthy gate timestamps",
      "Trailer pools at customer sites go unaudited and trailers go missing for weeks",
      "Terminal yards run on radio calls and whiteboards, so dispatch cannot plan around them",
    ],
    focus: "cut driver dwell and recover detention revenue",
  },
  {
    key: "distribution",
    label: "Wholesale Distribution",
    weight: 12,
    nouns: ["Distribution", "Distributors", "Supply", "Wholesale", "Supply Co.", "Trading"],
    employees: [300, 40000],
    revenuePerEmployee: [600000, 1400000],
    facilitiesPer1000: [1, 4],
    facilityTypes: ["Distribution Center", "Cross-dock", "Branch Warehouse", "Consolidation Center"],
    painPoints: [
      "Cross-dock transfers stall when outbound trailers are not staged at the right doors",
      "Vendor deliveries arrive without appointments and crowd out scheduled carriers",
      "Dock door assignments live in one supervisor's head and break down on nights",
      "Overflow yards at the busiest DCs are searched by hand several times a shift",
    ],
    focus: "move more volume through the same docks without overtime",
  },
  {
    key: "cpg",
    label: "Consumer Packaged Goods",
    weight: 10,
    nouns: ["Brands", "Consumer Products", "Household", "Personal Care", "Home Products", "Goods Co."],
    employees: [800, 70000],
    revenuePerEmployee: [300000, 650000],
    facilitiesPer1000: [0.4, 1.6],
    facilityTypes: ["Mixing Center", "Manufacturing Plant", "Regional DC", "Co-packer Hub"],
    painPoints: [
      "Retailer on-time-in-full fines rise when loads leave late because trailers were not ready",
      "Shipments to big-box customers miss appointment windows after long yard dwell",
      "Co-packer and plant yards are invisible to the central transportation team",
      "Live-unload carriers wait hours and then charge detention the team cannot contest",
    ],
    focus: "hit retailer OTIF targets and stop paying avoidable detention",
  },
];

/** Problems every yard has; mixed in with the industry-specific ones. */
export const COMMON_PAIN_POINTS: readonly string[] = [
  "Yard checks are done on paper twice a shift and are out of date within the hour",
  "Detention and demurrage charges grew more than 20% last year",
  "Trucks queue at the gate during morning peaks because check-in is manual",
  "There is no real-time view of trailer locations across the network",
  "Dock door scheduling is managed in spreadsheets and email",
  "Hostler moves are dispatched by radio with no record of who moved what",
  "The WMS and TMS have no yard layer between them, so handoffs happen by phone",
  "Gate and yard staff are hard to hire and retain, so every manual step hurts",
];

export const COMPANY_SURNAMES: readonly string[] = [
  "Harmon", "Whitaker", "Calloway", "Brennan", "Lindqvist", "Mercer", "Holloway", "Prescott",
  "Ashford", "Delgado", "Kessler", "Thornton", "Vance", "Garrison", "Langley", "Sutton",
  "Ridley", "Montague", "Hargrove", "Pemberton", "Castellan", "Okafor", "Navarro", "Fairbanks",
  "Hollister", "Driscoll", "Albright", "Beaumont", "Carrow", "Dunmore", "Ellison", "Fenwick",
  "Gallagher", "Haverford", "Irvine", "Jansen", "Kowalski", "Larkin", "McAllister", "Norquist",
  "Oyelaran", "Pruitt", "Quintero", "Rasmussen", "Sorensen", "Tolliver", "Underwood", "Valdez",
  "Winslow", "Yardley", "Abernathy", "Barlow", "Crandall", "Dempsey", "Eastman", "Fitzgerald",
];

export const GEO_PREFIXES: readonly string[] = [
  "Blue Ridge", "Great Lakes", "Gulf Coast", "Cascade", "Sierra", "Heartland", "Prairie",
  "Lone Star", "Bayou", "Keystone", "Pacific Crest", "Atlantic", "Midland", "Piedmont", "Ozark",
  "Red River", "Tidewater", "Golden State", "Evergreen", "Rocky Mountain", "Magnolia",
  "Hudson Valley", "Cumberland", "Chesapeake", "Allegheny", "Mesa", "Coastal", "Northern Plains",
  "Tri-State", "Empire", "Liberty", "Pioneer", "Frontier", "Crossroads", "Riverbend", "Lakeshore",
  "Highland", "Canyon", "Bluegrass", "Palmetto", "Sonoran", "Willamette", "Shenandoah", "Mohawk",
];

export const COINED_PREFIXES: readonly string[] = [
  "Ironbridge", "Northstar", "Bluewater", "Stonegate", "Redline", "Clearpath", "Brightline",
  "Truenorth", "Silverline", "Oakmont", "Crestview", "Wayfarer", "Meridian", "Vantage", "Apex",
  "Pinnacle", "Harborview", "Fieldstone", "Cornerstone", "Beacon", "Anchor", "Compass", "Horizon",
  "Vector", "Sterling", "Granite", "Copperline", "Lodestar", "Keel", "Summitview", "Greenfield",
  "Westbrook", "Eastgate", "Southport", "Northfield", "Broadleaf", "Clearwater", "Kingsley",
];

/** Legal forms appended to some names so normalizedName has something to strip. */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["", 62],
  [", Inc.", 12],
  [" LLC", 9],
  [" Corp.", 5],
  [" Co.", 3],
  [" Group", 6],
  [", Ltd.", 3],
];

export interface City {
  city: string;
  state: string;
  stateName: string;
  areaCode: string;
  timeZone: string;
}

const ET = "America/New_York";
const CT = "America/Chicago";
const MT = "America/Denver";
const AZ = "America/Phoenix";
const PT = "America/Los_Angeles";

export const CITIES: readonly City[] = [
  ["Memphis", "TN", "Tennessee", "901", CT], ["Louisville", "KY", "Kentucky", "502", ET],
  ["Columbus", "OH", "Ohio", "614", ET], ["Indianapolis", "IN", "Indiana", "317", ET],
  ["Chicago", "IL", "Illinois", "312", CT], ["Joliet", "IL", "Illinois", "815", CT],
  ["Dallas", "TX", "Texas", "214", CT], ["Fort Worth", "TX", "Texas", "817", CT],
  ["Houston", "TX", "Texas", "713", CT], ["Laredo", "TX", "Texas", "956", CT],
  ["San Antonio", "TX", "Texas", "210", CT], ["Atlanta", "GA", "Georgia", "404", ET],
  ["Savannah", "GA", "Georgia", "912", ET], ["Charlotte", "NC", "North Carolina", "704", ET],
  ["Nashville", "TN", "Tennessee", "615", CT], ["Kansas City", "MO", "Missouri", "816", CT],
  ["St. Louis", "MO", "Missouri", "314", CT], ["Harrisburg", "PA", "Pennsylvania", "717", ET],
  ["Allentown", "PA", "Pennsylvania", "610", ET], ["Pittsburgh", "PA", "Pennsylvania", "412", ET],
  ["Edison", "NJ", "New Jersey", "732", ET], ["Newark", "NJ", "New Jersey", "973", ET],
  ["Riverside", "CA", "California", "951", PT], ["Ontario", "CA", "California", "909", PT],
  ["Los Angeles", "CA", "California", "213", PT], ["Long Beach", "CA", "California", "562", PT],
  ["Stockton", "CA", "California", "209", PT], ["Oakland", "CA", "California", "510", PT],
  ["Seattle", "WA", "Washington", "206", PT], ["Tacoma", "WA", "Washington", "253", PT],
  ["Portland", "OR", "Oregon", "503", PT], ["Salt Lake City", "UT", "Utah", "801", MT],
  ["Phoenix", "AZ", "Arizona", "602", AZ], ["Denver", "CO", "Colorado", "303", MT],
  ["Minneapolis", "MN", "Minnesota", "612", CT], ["Milwaukee", "WI", "Wisconsin", "414", CT],
  ["Green Bay", "WI", "Wisconsin", "920", CT], ["Detroit", "MI", "Michigan", "313", ET],
  ["Grand Rapids", "MI", "Michigan", "616", ET], ["Cincinnati", "OH", "Ohio", "513", ET],
  ["Cleveland", "OH", "Ohio", "216", ET], ["Jacksonville", "FL", "Florida", "904", ET],
  ["Miami", "FL", "Florida", "305", ET], ["Orlando", "FL", "Florida", "407", ET],
  ["Tampa", "FL", "Florida", "813", ET], ["Omaha", "NE", "Nebraska", "402", CT],
  ["Des Moines", "IA", "Iowa", "515", CT], ["Boise", "ID", "Idaho", "208", MT],
  ["Reno", "NV", "Nevada", "775", PT], ["Las Vegas", "NV", "Nevada", "702", PT],
  ["Bentonville", "AR", "Arkansas", "479", CT], ["Little Rock", "AR", "Arkansas", "501", CT],
  ["Birmingham", "AL", "Alabama", "205", CT], ["Richmond", "VA", "Virginia", "804", ET],
  ["Norfolk", "VA", "Virginia", "757", ET], ["Baltimore", "MD", "Maryland", "410", ET],
  ["Boston", "MA", "Massachusetts", "617", ET], ["Hartford", "CT", "Connecticut", "860", ET],
  ["Buffalo", "NY", "New York", "716", ET], ["Syracuse", "NY", "New York", "315", ET],
].map(([city, state, stateName, areaCode, timeZone]) => ({ city, state, stateName, areaCode, timeZone }) as City);

export const FIRST_NAMES: readonly string[] = [
  "James", "Maria", "Robert", "Jennifer", "Michael", "Linda", "David", "Patricia", "William",
  "Elizabeth", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen",
  "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley",
  "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kevin", "Michelle", "Brian", "Carol",
  "George", "Amanda", "Timothy", "Melissa", "Ronald", "Deborah", "Jason", "Stephanie", "Ryan",
  "Rebecca", "Jacob", "Laura", "Gary", "Sharon", "Nicholas", "Cynthia", "Eric", "Kathleen",
  "Jonathan", "Amy", "Stephen", "Angela", "Larry", "Shirley", "Justin", "Brenda", "Scott", "Pamela",
  "Brandon", "Nicole", "Benjamin", "Samantha", "Gregory", "Katherine", "Frank", "Christine",
  "Raymond", "Rachel", "Patrick", "Carolyn", "Dennis", "Janet", "Tyler", "Heather", "Aaron",
  "Diane", "Jose", "Julie", "Adam", "Joyce", "Nathan", "Victoria", "Henry", "Kelly", "Zachary",
  "Christina", "Douglas", "Lauren", "Peter", "Megan", "Kyle", "Andrea", "Noah", "Hannah",
  "Ethan", "Olivia", "Carlos", "Sofia", "Luis", "Gabriela", "Miguel", "Valeria", "Diego",
  "Camila", "Wei", "Mei", "Hiroshi", "Yuki", "Raj", "Priya", "Arjun", "Ananya", "Vikram", "Neha",
  "Kwame", "Amara", "Chidi", "Ngozi", "Tomasz", "Agnieszka", "Lars", "Ingrid", "Mateo", "Lucia",
  "Omar", "Leila", "Dmitri", "Elena", "Tariq", "Fatima", "Jamal", "Aaliyah", "Marcus", "Imani",
  "Dana", "Jordan", "Casey", "Morgan", "Avery", "Quinn", "Reese", "Terrence", "Latoya", "Duc",
  "Linh", "Sung", "Hye-jin", "Kofi", "Abena",
];

export const LAST_NAMES: readonly string[] = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
  "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
  "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
  "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
  "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
  "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
  "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook",
  "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
  "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
  "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
  "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry",
  "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
  "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
  "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera",
  "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro",
  "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy",
  "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford",
  "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason",
  "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd",
  "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza",
  "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne",
  "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Hansen", "Peters",
  "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong",
  "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins", "Hoffman", "Johnston",
  "Matthews", "Pena", "Richards", "Willis", "Carpenter", "Lawrence", "Sandoval", "Okonkwo",
  "Adeyemi", "Mensah", "Nakamura", "Tanaka", "Yamamoto", "Sato", "Park", "Choi", "Wang", "Liu",
  "Zhang", "Singh", "Sharma", "Gupta", "Iyer", "Reddy", "Kowalczyk", "Novak", "Lindgren",
  "Johansson", "Haddad", "Khalil", "Rahman", "Ivanova", "Petrov", "O'Brien", "O'Connor", "MacLeod",
];

/**
 * Titles a yard-management vendor meets, weighted by how often they appear on a target list.
 * Persona flags are derived from the title by classifyTitle, never stored here.
 */
export const TITLES: readonly (readonly [string, number])[] = [
  // Operations executives
  ["Chief Operating Officer", 3], ["Chief Supply Chain Officer", 3], ["SVP Supply Chain", 3],
  ["VP Logistics", 5], ["VP of Operations", 5], ["VP Distribution", 4], ["VP Transportation", 4],
  ["EVP Operations", 1], ["SVP Distribution & Logistics", 2], ["Head of Supply Chain Operations", 2],
  // Operations practitioners
  ["Director of Transportation", 7], ["Director of Distribution", 6], ["Director of Logistics", 6],
  ["Yard Manager", 8], ["Yard Supervisor", 4], ["Distribution Center GM", 7],
  ["General Manager, Distribution Center", 3], ["Warehouse Operations Manager", 6],
  ["Shipping & Receiving Manager", 5], ["Transportation Manager", 7], ["Logistics Manager", 7],
  ["Fleet Manager", 3], ["Dock Supervisor", 3], ["Site Operations Manager", 4],
  ["Senior Manager, Network Operations", 2], ["Director of Fulfillment Operations", 3],
  ["Inbound Logistics Manager", 3], ["Plant Manager", 3], ["Director of Continuous Improvement", 2],
  ["Operations Analyst", 2], ["Transportation Planner", 2],
  // Procurement
  ["Procurement Manager", 4], ["Director of Procurement", 3], ["Strategic Sourcing Manager", 2],
  ["Purchasing Manager", 2], ["VP Procurement", 1], ["Senior Buyer, Indirect Materials", 1],
  // Technology
  ["CIO", 2], ["Chief Information Officer", 1], ["VP Information Technology", 2],
  ["Director of Supply Chain Systems", 3], ["IT Director", 2], ["Enterprise Architect", 1],
  ["Director of Digital Transformation", 1], ["WMS Systems Analyst", 1],
  // Everyone else
  ["Chief Executive Officer", 1], ["President", 1], ["CFO", 1], ["VP Sales", 1],
  ["Director of Customer Success", 1], ["Marketing Manager", 1], ["Controller", 1],
  ["HR Business Partner", 1],
];

export const WMS_SYSTEMS: readonly string[] = [
  "Manhattan Active WM", "Blue Yonder WMS", "SAP EWM", "Oracle WMS Cloud", "Körber WMS",
  "Infor WMS", "Made4net", "Homegrown WMS",
];
export const TMS_SYSTEMS: readonly string[] = [
  "Oracle OTM", "Blue Yonder TMS", "MercuryGate", "e2open TMS", "SAP TM", "Trimble TMS",
  "McLeod LoadMaster", "Uber Freight TMS",
];
export const ERP_SYSTEMS: readonly string[] = [
  "SAP S/4HANA", "SAP ECC", "Oracle NetSuite", "Oracle Fusion Cloud ERP", "Microsoft Dynamics 365",
  "Infor CloudSuite", "Epicor Kinetic",
];
export const TELEMATICS: readonly string[] = ["Samsara", "Motive", "Omnitracs", "Geotab", "ORBCOMM"];
export const YARD_TODAY: readonly string[] = [
  "Paper yard checks and radios",
  "Spreadsheets shared on Teams",
  "Whiteboards at the gate house",
  "Yard module of their WMS (lightly used)",
  "Legacy in-house yard board",
];

export const NEWS_TEMPLATES: readonly string[] = [
  "{account} opens {doors}-door distribution center in {city}",
  "{account} names new VP of Logistics to lead network redesign",
  "{account} expands cold-storage capacity ahead of peak season",
  "{account} reports revenue up {pct}% on e-commerce growth",
  "{account} consolidates {n} regional warehouses into two mega-DCs",
  "{account} pilots electric yard trucks at its {city} campus",
  "{account} signs multi-year dedicated fleet agreement",
  "{account} announces ${capex}M investment in automation",
  "{account} completes acquisition of a regional {industry} business",
];

export const NOTES: readonly string[] = [
  "Met at last year's Manifest; interested in gate automation",
  "Asked for a case study from a food & beverage DC",
  "Budget cycle starts in Q2; loop in procurement early",
  "Currently piloting RFID at two DCs, wants to know how we integrate",
  "Prefers afternoon meetings; usually walks the floor in the morning",
  "Mentioned a failed YMS rollout five years ago; lead with the change-management story",
  "Their detention spend came up twice in the call; quantify it in the ROI model",
  "Warm intro from our partner at the WMS vendor",
  "New in the role (3 months); building a 100-day plan",
  "Wants to see the mobile hostler app, not slides",
  "Competitor demo already scheduled at the show; get on the calendar first",
  "Corporate standardises on SAP: bring the integration architecture diagram",
];

export const MEETING_AGENDAS: readonly string[] = [
  "Walk through yard visibility demo and the gate check-in kiosk",
  "Detention and dwell-time baseline; agree on ROI inputs",
  "Hostler task management on mobile; integration with their WMS",
  "Multi-site rollout plan and pricing overview",
  "Executive briefing: network-wide yard strategy",
  "Cold-chain monitoring for reefers in the yard",
];

export const MEETING_OUTCOMES: readonly string[] = [
  "Strong interest; wants a site visit at their largest DC",
  "Asked for ROI model with their detention numbers",
  "Good fit, but timing is next fiscal year",
  "Champion identified; needs CIO sign-off on integration",
  "Requested pricing for a three-site pilot",
  "Not a fit right now: yard is outsourced to their 3PL",
];

export const NEXT_STEPS: readonly string[] = [
  "Send ROI model and case study",
  "Schedule site visit",
  "Book technical deep dive with IT",
  "Send pilot proposal",
  "Follow up next quarter",
  "Intro to our customer reference",
];

export const BOOTH_ROOMS: readonly string[] = ["Meeting Room 3", "Meeting Room 7", "Executive Suite 12"];
// Meetings stay within show hours (9:00–17:00), so off-site spots are coffee and lunch.
export const OFFSITE_SPOTS: readonly string[] = [
  "Coffee at Bouchon Bakery, The Venetian",
  "Lunch at Yardbird Table & Bar, The Venetian",
  "Lunch at Canaletto, The Venetian",
];
