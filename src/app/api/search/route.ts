import { route } from "@/server/http/route";
import { globalSearch, searchQuery } from "@/server/search/service";

// GET /api/search?q=… — accounts, people, meetings, threads, sequences and templates, grouped, best first
export const GET = route({ query: searchQuery }, ({ actor, query }) => globalSearch(query, actor));
