import { z } from "zod";
import { eventScopeField } from "@/server/access/actor";
import { EXPORT_ENTITIES } from "@/server/exports/entities";

const JOB_KINDS = ["drafts", "research", "rescore", "import", "export"] as const;

export const listJobsQuery = z.object({
  kind: z.enum(JOB_KINDS).optional(),
  ...eventScopeField,
  active: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const startExportBody = z.strictObject({
  ...eventScopeField,
  format: z.enum(["csv", "json", "ndjson"]).default("csv"),
  entity: z.enum(EXPORT_ENTITIES).optional(),
});
