import { route } from "@/server/http/route";
import { listBackgroundJobs } from "@/server/jobs/background";
import { listJobsQuery } from "@/server/jobs/schemas";

// GET /api/jobs — your recent background jobs in the current event (?kind=, ?active=true), newest first
export const GET = route({ query: listJobsQuery, event: "optional" }, ({ actor, query }) => listBackgroundJobs(query, actor));
