import { pageEventId } from "@/lib/api-client";
import type { JobView } from "@/components/jobs/job-progress";
import type { ImportReport, Mapping } from "@/components/import/types";

type StreamMessage =
  | { type: "progress"; processed: number; total: number }
  | { type: "done"; data: ImportReport }
  | { type: "error"; error: string };

/**
 * POST /api/import?stream=1 and follow its answer: a small file streams one JSON line per
 * progress step and ends with the report; a large one is answered 202 with the background job.
 * Throws with the server's sentence when the import fails or stops early.
 */
export async function postImport(
  input: { csv: string; fileName: string; mapping: Mapping; mode: "upsert" | "create_only" },
  onProgress: (processed: number, total: number) => void,
): Promise<{ report: ImportReport } | { job: JobView }> {
  const response = await fetch("/api/import?stream=1", {
    method: "POST",
    headers: { "content-type": "application/json", ...(pageEventId() ? { "x-event-id": pageEventId()! } : {}) },
    body: JSON.stringify(input),
  });
  if (response.status === 202) {
    const payload = (await response.json()) as { data: { job: JobView } };
    return { job: payload.data.job };
  }
  if (!response.ok || !response.body) {
    const payload = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(payload?.error ?? `The server answered ${response.status}`);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let report: ImportReport | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (!line) continue;
      const message = JSON.parse(line) as StreamMessage;
      if (message.type === "progress") onProgress(message.processed, message.total);
      else if (message.type === "done") report = message.data;
      else throw new Error(message.error);
    }
    if (done) break;
  }
  if (!report) throw new Error("The import stopped before it finished; check the history below");
  return { report };
}
