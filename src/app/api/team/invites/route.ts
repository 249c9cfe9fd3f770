import { route } from "@/server/http/route";
import { inviteBody, inviteTeammate } from "@/server/team/service";

// POST /api/team/invites — invite a teammate (admins)
export const POST = route({ event: "optional", access: "admin", body: inviteBody, status: 201 }, ({ body, actor }) => inviteTeammate(body, actor));
