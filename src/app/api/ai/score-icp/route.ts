import { route } from "@/server/http/route";
import { scoreIcp, scoreIcpBody } from "@/server/scoring/service";

// POST /api/ai/score-icp — score one account, one person, or everything in an event
export const POST = route({ body: scoreIcpBody }, ({ body, actor }) => scoreIcp(body, actor));
