import { idParams, route } from "@/server/http/route";
import { changeRole, removeTeammate, updateMemberBody } from "@/server/team/service";

// PATCH /api/team/:id — change a teammate's role (admins)
export const PATCH = route({ event: "optional", access: "admin", params: idParams, body: updateMemberBody }, ({ params, body, actor }) =>
  changeRole(params.id, body.role, actor),
);

// DELETE /api/team/:id — remove a teammate and end their sessions (admins)
export const DELETE = route({ event: "optional", access: "admin", params: idParams }, ({ params, actor }) => removeTeammate(params.id, actor));
