/** How lawful bases and record sources read on screen, in exports' legends and in activities. */
export const LAWFUL_BASIS_LABELS = {
  LEGITIMATE_INTEREST: "Legitimate interest",
  CONSENT: "Consent",
  CUSTOMER: "Customer",
} as const;

export const DATA_SOURCE_LABELS = {
  IMPORT: "Import file",
  BOOTH: "Booth capture",
  MANUAL: "Added by hand",
  BOOKING: "Booking page",
  RESEARCH: "Research",
} as const;

export type LawfulBasisValue = keyof typeof LAWFUL_BASIS_LABELS;
export type DataSourceValue = keyof typeof DATA_SOURCE_LABELS;
