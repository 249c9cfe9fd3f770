import { route } from "@/server/http/route";
import { listTeam } from "@/server/team/service";

// GET /api/team — teammates and pending invites
export const GET = route({ event: "optional" }, () => listTeam());
