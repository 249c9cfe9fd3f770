// The seeded demo team. In development with no mail configured these people can sign in
// (the login page lists them); in production they are ordinary users like any other.
const DEMO_EMAIL_DOMAIN = "eventops.dev";

export const DEMO_TEAM = [
  { email: "admin@eventops.dev", name: "Alex Morgan", role: "ADMIN", title: "Revenue Operations Lead" },
  { email: "maya@eventops.dev", name: "Maya Chen", role: "REP", title: "Enterprise Account Executive" },
  { email: "jordan@eventops.dev", name: "Jordan Reyes", role: "REP", title: "Account Executive" },
  { email: "sam@eventops.dev", name: "Sam Patel", role: "REP", title: "Sales Development Rep" },
] as const;

export const DEMO_EVENT_SLUG = "manifest-2026";
