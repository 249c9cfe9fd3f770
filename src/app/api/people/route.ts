import { route } from "@/server/http/route";
import { createPerson, createPersonBody, listPeople, listPeopleQuery } from "@/server/people/service";

// GET /api/people — filtered, sorted, paginated people of an event
export const GET = route({ query: listPeopleQuery }, ({ query, actor }) => listPeople(query, actor));

// POST /api/people — add a person by hand
export const POST = route({ body: createPersonBody, status: 201 }, ({ body, actor }) => createPerson(body, actor));
