import { route } from "@/server/http/route";
import { boothAgenda } from "@/server/booth/service";

// GET /api/booth/agenda — every show day's team meetings with talking points, for offline reading
export const GET = route({}, ({ actor }) => boothAgenda(actor));
