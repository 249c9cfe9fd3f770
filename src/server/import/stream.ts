import type { Prisma } from "@/generated/prisma/client";
import type { CommitImportBody } from "@/server/import/schemas";
import type { Actor } from "@/server/access/actor";
import { prepareImport, runImport, type ImportReport } from "@/server/import/service";
import { toAppError } from "@/server/http/errors";
import { createBackgroundJob } from "@/server/jobs/background";
import { json } from "@/server/http/route";
import { logger } from "@/server/logger";

/** Files with more rows than this are imported by a background job rather than inside the request. */
const BACKGROUND_IMPORT_ROWS = 500;

/**
 * The commit answer: the report, or with `stream` an NDJSON stream of progress lines
 * ({"type":"progress","processed","total"}) ending in {"type":"done","data":report} or
 * {"type":"error","error","code"}. The file is validated before the stream starts, so a bad
 * file still gets an ordinary 4xx error response. A file above BACKGROUND_IMPORT_ROWS rows is
 * handed to a background job instead: 202 with the job to follow (GET /api/jobs/:id).
 */
export async function importResponse(body: CommitImportBody, actor: Actor, stream: boolean): Promise<ImportReport | Response> {
  const prepared = await prepareImport(body, actor);
  if (prepared.records.length > BACKGROUND_IMPORT_ROWS) {
    const job = await createBackgroundJob({
      kind: "import", label: `Import of ${prepared.fileName ?? "a CSV file"} (${prepared.records.length} rows)`, eventId: prepared.eventId, actor,
      input: body as Prisma.InputJsonValue,
    });
    return json({ success: true, data: { job } }, 202);
  }
  if (!stream) return runImport(prepared, { actor });
  const encoder = new TextEncoder();
  const readable = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(line, (_k, v) => (typeof v === "bigint" ? Number(v) : v))}\n`));
      try {
        const report = await runImport(prepared, { actor, onProgress: (p) => send({ type: "progress", ...p }) });
        send({ type: "done", data: report });
      } catch (error) {
        const { appError, unexpected } = toAppError(error);
        if (unexpected) logger.error({ err: error }, "import failed");
        send({ type: "error", error: appError.message, code: appError.code });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(readable, {
    status: 201,
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
}
