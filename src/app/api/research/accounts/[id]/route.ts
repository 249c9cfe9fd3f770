import { idParams, route } from "@/server/http/route";
import { getAccountDossier, researchAccount } from "@/server/research/service";

// GET /api/research/accounts/:id — the account's dossier and its people's talking points
export const GET = route({ params: idParams }, ({ actor, params }) => getAccountDossier(params.id, actor));

// POST /api/research/accounts/:id — research one account now
export const POST = route({ params: idParams }, ({ actor, params }) => researchAccount(params.id, { actor }));

// Research reads websites: allow up to a minute.
export const maxDuration = 60;
