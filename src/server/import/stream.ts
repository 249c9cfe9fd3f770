import type { CommitImportBody } from "@/server/import/schemas";
import type { Actor } from "@/server/access/actor";
import { prepareImport, runImport, type ImportReport } from "@/server/import/service";
import { toAppError } from "@/server/http/errors";
import { logger } from "@/server/logger";

/**
 * The commit answer: the report, or with `stream` an NDJSON stream of progress lines
 * ({"type":"progress","processed","total"}) ending in {"type":"done","data":report} or
 * {"type":"error","error","code"}. The file is validated before the stream starts, so a bad
 * file still gets an ordinary 4xx error response.
 */
export async function importResponse(body: CommitImportBody, actor: Actor, stream: boolean): Promise<ImportReport | Response> {
  const prepared = await prepareImport(body, actor);
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
