import { route } from "@/server/http/route";
import { bulkPeopleBody, bulkUpdatePeople } from "@/server/people/service";

// POST /api/people/bulk — assign or delete many people at once
export const POST = route({ body: bulkPeopleBody }, ({ body, actor }) => bulkUpdatePeople(body, actor));
