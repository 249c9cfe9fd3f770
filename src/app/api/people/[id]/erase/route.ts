import { idParams, route } from "@/server/http/route";
import { erasePerson, erasePersonBody } from "@/server/privacy/erasure";

// POST /api/people/:id/erase — admins erase a person's personal data everywhere and leave a hashed tombstone
export const POST = route({ access: "admin", params: idParams, body: erasePersonBody }, ({ params, body, actor }) => erasePerson(actor, params.id, body.reason));
