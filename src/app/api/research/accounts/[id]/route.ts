import { idParams, route } from "@/server/http/route";
import { researchAccount } from "@/server/research/service";

// POST /api/research/accounts/:id — research one account now
export const POST = route({ params: idParams }, ({ user, params }) => researchAccount(params.id, { actor: user }));

// Research reads websites and imports write thousands of rows: allow up to a minute.
export const maxDuration = 60;
