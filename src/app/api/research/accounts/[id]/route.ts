import { idParams, route } from "@/server/http/route";
import { getAccountDossier, researchAccount } from "@/server/research/service";

// GET /api/research/accounts/:id — the account's dossier and its people's talking points
export const GET = route({ params: idParams }, ({ params }) => getAccountDossier(params.id));

// POST /api/research/accounts/:id — research one account now
export const POST = route({ params: idParams }, ({ user, params }) => researchAccount(params.id, { actor: user }));

// Research reads websites: allow up to a minute.
export const maxDuration = 60;
