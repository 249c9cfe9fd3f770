import { route } from "@/server/http/route";
import { bulkPeopleBody, bulkUpdatePeople } from "@/server/people/service";

// POST /api/people/bulk — assign many people at once, or move them to the Trash
export const POST = route({ body: bulkPeopleBody }, ({ body, actor }) => bulkUpdatePeople(body, actor));
