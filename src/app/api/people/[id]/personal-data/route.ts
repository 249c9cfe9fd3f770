import { idParams, route } from "@/server/http/route";
import { personalDataQuery, personalDataResponse } from "@/server/privacy/access";

// GET /api/people/:id/personal-data — admins get everything held about a person (HTML page or JSON file); logged
export const GET = route({ access: "admin", params: idParams, query: personalDataQuery }, ({ params, query, actor }) => personalDataResponse(actor, params.id, query.format));
