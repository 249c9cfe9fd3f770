import { idParams, route } from "@/server/http/route";
import { changeRole, removeTeammate, updateMemberBody } from "@/server/team/service";

// PATCH /api/team/:id — change a teammate's role (admins)
export const PATCH = route({ access: "admin", params: idParams, body: updateMemberBody }, ({ params, body, user }) =>
  changeRole(params.id, body.role, user),
);

// DELETE /api/team/:id — remove a teammate and end their sessions (admins)
export const DELETE = route({ access: "admin", params: idParams }, ({ params, user }) => removeTeammate(params.id, user));
