/**
 * The admin's full export, streamed: rows are read in keyset batches and written out as they
 * come, so the process never holds more than one batch whatever the size of the event
 * (entities.ts reads and renders the batches).
 *
 * Shapes (GET /api/export/full):
 *   format=csv&entity=people  → one CSV (text/csv)
 *   format=csv                → a zip with one CSV per entity (streamed by yazl)
 *   format=json               → one JSON document { exportedAt, event, accounts: [...], people: [...], … }
 *   format=ndjson             → one line per record: { "entity": "people", "record": { … } }
 *   entity=… narrows json and ndjson to one entity too.
 */
import { Readable } from "node:stream";
import { z } from "zod";
import yazl from "yazl";
import { prisma, type DbTx } from "@/server/db";
import { recordActivity } from "@/server/activity/service";
import { EXPORT_ENTITIES, ExportReader, csvHeader, renderBatches, type ExportEntity } from "@/server/exports/entities";
import { eventScopeField, type Actor } from "@/server/access/actor";
import { createBackgroundJob, type JobContext } from "@/server/jobs/background";

export const exportQuery = z.object({
  ...eventScopeField,
  format: z.enum(["csv", "json", "ndjson"]).default("csv"),
  entity: z.enum(EXPORT_ENTITIES).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;
/** The same options as a JSON body; an empty body exports everything as CSV. */
export const exportBody = z.strictObject(exportQuery.shape);

export type ExportStream = { stream: ReadableStream<Uint8Array>; contentType: string; filename: string };

async function* csvText(entity: ExportEntity, reader: ExportReader): AsyncGenerator<string> {
  // An empty entity still gets its header, so the file says what it would contain.
  yield csvHeader(entity);
  for await (const batch of renderBatches(entity, reader, "csv")) yield batch.text;
}

async function* closing(reader: ExportReader, source: AsyncGenerator<string>): AsyncGenerator<string> {
  try {
    yield* source;
  } finally {
    await reader.close();
  }
}

async function* jsonText(entities: readonly ExportEntity[], event: { id: string; name: string; slug: string }, reader: ExportReader): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(new Date().toISOString())},"event":${JSON.stringify(event)}`;
  for (const entity of entities) {
    yield `,${JSON.stringify(entity)}:[`;
    let first = true;
    for await (const batch of renderBatches(entity, reader, "json")) {
      yield (first ? "" : ",") + batch.text;
      first = false;
    }
    yield "]";
  }
  yield "}\n";
}

async function* ndjsonText(entities: readonly ExportEntity[], reader: ExportReader): AsyncGenerator<string> {
  for (const entity of entities) {
    for await (const batch of renderBatches(entity, reader, "ndjson")) yield batch.text;
  }
}

function toWebStream(source: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  // Pull-based: the next batch is read only when the client has taken the previous one.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await source.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  }, { highWaterMark: 1 });
}

function zipOfCsvs(eventId: string): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  const reader = new ExportReader(eventId);
  for (const entity of EXPORT_ENTITIES) {
    // Readable.from is lazy: yazl reads one entry at a time, so only one entity is queried at once.
    // Deflate level 1: CSV still shrinks about 8×, at a fraction of level 6's CPU per row.
    zip.addReadStream(Readable.from(csvText(entity, reader)), `${entity}.csv`, { mtime, compressionLevel: 1 });
  }
  zip.end();
  // The entries share one connection: closed when the zip is done or the download is abandoned.
  const output = zip.outputStream as Readable;
  output.once("end", () => void reader.close());
  output.once("close", () => void reader.close());
  output.once("error", () => void reader.close());
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}

export async function createFullExport(query: Omit<ExportQuery, "eventId">, actor: Actor, db: DbTx = prisma): Promise<ExportStream> {
  const { event } = actor;
  // Taking all the data out is worth an audit line even though nothing changed.
  await recordActivity({
    type: "export.downloaded",
    description: `Exported ${query.entity ?? "all data"} as ${query.format.toUpperCase()}`,
    actorId: actor.id,
    eventId: event.id,
    metadata: { format: query.format, entity: query.entity ?? null },
  }, db);
  const base = `${event.slug}-${query.entity ?? "export"}-${new Date().toISOString().slice(0, 10)}`;
  const entities = query.entity ? [query.entity] : EXPORT_ENTITIES;
  if (query.format === "csv") {
    if (!query.entity) return { stream: zipOfCsvs(event.id), contentType: "application/zip", filename: `${base}.zip` };
    const reader = new ExportReader(event.id);
    return { stream: toWebStream(closing(reader, csvText(query.entity, reader))), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
  }
  const reader = new ExportReader(event.id);
  if (query.format === "ndjson") {
    return { stream: toWebStream(closing(reader, ndjsonText(entities, reader))), contentType: "application/x-ndjson; charset=utf-8", filename: `${base}.ndjson` };
  }
  return {
    stream: toWebStream(closing(reader, jsonText(entities, { id: event.id, name: event.name, slug: event.slug }, reader))),
    contentType: "application/json; charset=utf-8",
    filename: `${base}.json`,
  };
}

export function exportResponse(result: ExportStream): Response {
  return new Response(result.stream, {
    headers: {
      "content-type": result.contentType,
      "content-disposition": `attachment; filename="${result.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A full export prepared in the background and stored with its job, to download when done (no request has to stream it). */
export async function startFullExportJob(query: Omit<ExportQuery, "eventId">, actor: Actor) {
  const what = query.entity ? query.entity : "all data";
  return createBackgroundJob({
    kind: "export", label: `Export of ${what} from ${actor.event.name} (${query.format.toUpperCase()}${query.format === "csv" && !query.entity ? ", zip" : ""})`,
    eventId: actor.eventId, actor, input: { format: query.format, entity: query.entity ?? null },
  });
}

const MB = 1024 * 1024;

/** The export job's work: the same stream as the download, collected and stored as the job's file. */
export async function fullExportJob(ctx: JobContext) {
  const input = ctx.job.input as { format: ExportQuery["format"]; entity: ExportEntity | null };
  const result = await createFullExport({ format: input.format, entity: input.entity ?? undefined }, ctx.actor);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let reported = 0;
  const reader = result.stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size - reported >= MB) {
        reported = size;
        await ctx.progress(0, 0, `${(size / MB).toFixed(1)} MB written`);
        await ctx.checkCancelled();
      }
    }
  } finally {
    reader.releaseLock();
  }
  const content = Buffer.concat(chunks);
  await prisma.jobFile.upsert({
    where: { jobId: ctx.job.id },
    create: { jobId: ctx.job.id, fileName: result.filename, contentType: result.contentType, size, content },
    update: { fileName: result.filename, contentType: result.contentType, size, content },
  });
  return { fileName: result.filename, size };
}

/** The stored file as a download. */
export function jobFileResponse(file: { fileName: string; contentType: string; content: Uint8Array }): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
