import { route } from "@/server/http/route";
import { createPerson, createPersonBody, listPeople, listPeopleQuery } from "@/server/people/service";

// GET /api/people — filtered, sorted, paginated people of an event
export const GET = route({ query: listPeopleQuery }, ({ query, user }) => listPeople(query, user));

// POST /api/people — add a person by hand
export const POST = route({ body: createPersonBody, status: 201 }, ({ body, user }) => createPerson(body, user));
