/**
 * The admin's full export, streamed: rows are read in keyset batches and written out as they
 * come, so the process never holds more than one batch whatever the size of the event.
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
import { getEventOrThrow } from "@/server/events/service";
import { csvChunk } from "@/server/exports/csv";
import { COLUMNS, EXPORT_ENTITIES, readBatches, type ExportEntity } from "@/server/exports/entities";

export const exportQuery = z.object({
  eventId: z.string().min(1).max(64).optional(),
  format: z.enum(["csv", "json", "ndjson"]).default("csv"),
  entity: z.enum(EXPORT_ENTITIES).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export type ExportStream = { stream: ReadableStream<Uint8Array>; contentType: string; filename: string };

async function* csvText(entity: ExportEntity, eventId: string, db: DbTx): AsyncGenerator<string> {
  let first = true;
  for await (const batch of readBatches(entity, eventId, db)) {
    yield csvChunk(COLUMNS[entity], batch, first);
    first = false;
  }
  // An empty entity still gets its header, so the file says what it would contain.
  if (first) yield csvChunk(COLUMNS[entity], [], true);
}

async function* jsonText(entities: readonly ExportEntity[], event: { id: string; name: string; slug: string }, db: DbTx): AsyncGenerator<string> {
  yield `{"exportedAt":${JSON.stringify(new Date().toISOString())},"event":${JSON.stringify(event)}`;
  for (const entity of entities) {
    yield `,${JSON.stringify(entity)}:[`;
    let first = true;
    for await (const batch of readBatches(entity, event.id, db)) {
      yield (first ? "" : ",") + batch.map((r) => JSON.stringify(r)).join(",");
      first = false;
    }
    yield "]";
  }
  yield "}\n";
}

async function* ndjsonText(entities: readonly ExportEntity[], eventId: string, db: DbTx): AsyncGenerator<string> {
  for (const entity of entities) {
    for await (const batch of readBatches(entity, eventId, db)) {
      yield batch.map((record) => JSON.stringify({ entity, record })).join("\n") + "\n";
    }
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

function zipOfCsvs(eventId: string, db: DbTx): ReadableStream<Uint8Array> {
  const zip = new yazl.ZipFile();
  const mtime = new Date();
  for (const entity of EXPORT_ENTITIES) {
    // Readable.from is lazy: yazl reads one entry at a time, so only one entity is queried at once.
    zip.addReadStream(Readable.from(csvText(entity, eventId, db)), `${entity}.csv`, { mtime });
  }
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}

export async function createFullExport(eventId: string, query: Omit<ExportQuery, "eventId">, actorId: string | null, db: DbTx = prisma): Promise<ExportStream> {
  const event = await getEventOrThrow(eventId, db);
  // Taking all the data out is worth an audit line even though nothing changed.
  await recordActivity({
    type: "export.downloaded",
    description: `Exported ${query.entity ?? "all data"} as ${query.format.toUpperCase()}`,
    actorId,
    eventId: event.id,
    metadata: { format: query.format, entity: query.entity ?? null },
  }, db);
  const base = `${event.slug}-${query.entity ?? "export"}-${new Date().toISOString().slice(0, 10)}`;
  const entities = query.entity ? [query.entity] : EXPORT_ENTITIES;
  if (query.format === "csv") {
    if (query.entity) return { stream: toWebStream(csvText(query.entity, event.id, db)), contentType: "text/csv; charset=utf-8", filename: `${base}.csv` };
    return { stream: zipOfCsvs(event.id, db), contentType: "application/zip", filename: `${base}.zip` };
  }
  if (query.format === "ndjson") {
    return { stream: toWebStream(ndjsonText(entities, event.id, db)), contentType: "application/x-ndjson; charset=utf-8", filename: `${base}.ndjson` };
  }
  return {
    stream: toWebStream(jsonText(entities, { id: event.id, name: event.name, slug: event.slug }, db)),
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
