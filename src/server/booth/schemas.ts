import { z } from "zod";

export const LEAD_RATINGS = ["hot", "warm", "cold"] as const;

export const captureLeadBody = z.strictObject({
  name: z.string().trim().min(2, "Enter the visitor's name").max(120),
  company: z.string().trim().max(160).optional().transform((v) => (v ? v : undefined)),
  email: z.union([z.literal(""), z.email("Enter a valid email or leave it empty").max(254)]).optional().transform((v) => (v ? v.trim() : undefined)),
  title: z.string().trim().max(160).optional().transform((v) => (v ? v : undefined)),
  note: z.string().trim().max(2000).optional().transform((v) => (v ? v : undefined)),
  rating: z.enum(LEAD_RATINGS),
}).refine((v) => v.company || v.email, { path: ["company"], message: "Enter the company or an email so the lead lands on an account" });

export type CaptureLeadBody = z.infer<typeof captureLeadBody>;
