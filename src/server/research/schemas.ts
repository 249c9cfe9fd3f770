import { z } from "zod";
import { eventScopeField } from "@/server/access/actor";

export const MAX_RESEARCH_BATCH = 10;

export const researchCandidatesQuery = z.object({
  ...eventScopeField,
  staleDays: z.coerce.number().int().min(0).max(3650).default(30),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const runResearchBody = z.strictObject({
  accountIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_RESEARCH_BATCH, `Research at most ${MAX_RESEARCH_BATCH} accounts per request`),
});

export type ResearchCandidatesQuery = z.infer<typeof researchCandidatesQuery>;
