import { route } from "@/server/http/route";
import { listBackgroundJobs } from "@/server/jobs/background";
import { listJobsQuery } from "@/server/jobs/schemas";

// GET /api/jobs — your recent background jobs (?kind=, ?active=true), newest first
export const GET = route({ query: listJobsQuery }, ({ user, query }) => listBackgroundJobs(query, user));
