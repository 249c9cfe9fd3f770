import { route } from "@/server/http/route";
import { inviteBody, inviteTeammate } from "@/server/team/service";

// POST /api/team/invites — invite a teammate (admins)
export const POST = route({ access: "admin", body: inviteBody, status: 201 }, ({ body, user }) => inviteTeammate(body, user));
