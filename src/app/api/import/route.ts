import { route } from "@/server/http/route";
import { commitImportBody, commitImportQuery, IMPORT_BODY_LIMIT, listImportsQuery } from "@/server/import/schemas";
import { importResponse } from "@/server/import/stream";
import { listImports } from "@/server/import/service";

// GET /api/import — import history of the event, newest first
export const GET = route({ query: listImportsQuery }, ({ actor, query }) => listImports(query, actor));

// POST /api/import — import accounts and people (?stream=1 answers NDJSON progress, then the report)
export const POST = route({ body: commitImportBody, query: commitImportQuery, maxBodyBytes: IMPORT_BODY_LIMIT, status: 201 }, ({ actor, body, query }) =>
  importResponse(body, actor, query.stream === "1"),
);

// Research reads websites and imports write thousands of rows: allow up to a minute.
export const maxDuration = 60;
