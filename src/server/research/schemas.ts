import { z } from "zod";
import { eventScopeField } from "@/server/access/actor";
import { paginationFields } from "@/server/http/pagination";

const MAX_RESEARCH_BATCH = 500;

export const researchCandidatesQuery = z.object({
  ...eventScopeField,
  staleDays: z.coerce.number().int().min(0).max(3650).default(30),
  q: z.string().trim().max(200).optional(),
  ...paginationFields({ pageSize: 50, maxPageSize: 200 }),
});

export const runResearchBody = z.strictObject({
  accountIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_RESEARCH_BATCH, `Research at most ${MAX_RESEARCH_BATCH} accounts at a time`),
});

export type ResearchCandidatesQuery = z.infer<typeof researchCandidatesQuery>;
