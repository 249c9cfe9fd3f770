import { idParams, route } from "@/server/http/route";
import { deleteAccount, deleteAccountQuery, getAccountDetail, updateAccount, updateAccountBody } from "@/server/accounts/service";

// GET /api/accounts/:id — the account with its people, dossier, outreach, meetings and timeline
export const GET = route({ params: idParams }, ({ params, actor }) => getAccountDetail(params.id, actor));

// PATCH /api/accounts/:id — change fields of an account
export const PATCH = route({ params: idParams, body: updateAccountBody }, ({ params, body, actor }) => updateAccount(params.id, body, actor));

// DELETE /api/accounts/:id — move the account to the Trash (its people stay, unlinked, unless ?deletePeople=true)
export const DELETE = route({ params: idParams, query: deleteAccountQuery }, ({ params, query, actor }) =>
  deleteAccount(params.id, { deletePeople: query.deletePeople === "true" }, actor),
);
