import { idParams, route } from "@/server/http/route";
import { deletePerson, getPerson, updatePerson, updatePersonBody } from "@/server/people/service";

// GET /api/people/:id — the person with their account (and dossier) and talking points
export const GET = route({ params: idParams }, ({ params, actor }) => getPerson(params.id, actor));

// PATCH /api/people/:id — change fields of a person
export const PATCH = route({ params: idParams, body: updatePersonBody }, ({ params, body, actor }) => updatePerson(params.id, body, actor));

// DELETE /api/people/:id — move a person to the Trash (their sequences stop until restored)
export const DELETE = route({ params: idParams }, ({ params, actor }) => deletePerson(params.id, actor));
