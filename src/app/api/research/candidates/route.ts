import { route } from "@/server/http/route";
import { researchCandidatesQuery } from "@/server/research/schemas";
import { listResearchCandidates } from "@/server/research/service";

// GET /api/research/candidates — accounts with no dossier or a stale one, best tier and ICP first
export const GET = route({ query: researchCandidatesQuery }, ({ actor, query }) => listResearchCandidates(query, actor));
