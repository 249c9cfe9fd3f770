import { route } from "@/server/http/route";
import { createSavedView, createSavedViewBody, listSavedViews, listSavedViewsQuery } from "@/server/saved-views/service";

// GET /api/saved-views?scope=accounts — the caller's saved views for a list
export const GET = route({ event: "optional", query: listSavedViewsQuery }, ({ query, actor }) => listSavedViews(actor.id, query.scope));

// POST /api/saved-views — save the current filters under a name
export const POST = route({ event: "optional", body: createSavedViewBody, status: 201 }, ({ body, actor }) => createSavedView(body, actor));
