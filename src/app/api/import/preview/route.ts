import { route } from "@/server/http/route";
import { IMPORT_BODY_LIMIT, previewImportBody } from "@/server/import/schemas";
import { previewImport } from "@/server/import/service";

// POST /api/import/preview — parse a CSV, detect the column mapping, validate every row
export const POST = route({ event: "optional", body: previewImportBody, maxBodyBytes: IMPORT_BODY_LIMIT }, ({ actor, body }) => previewImport(body, actor));
