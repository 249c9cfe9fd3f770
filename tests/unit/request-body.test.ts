import { describe, expect, it } from "vitest";
import { readJsonBody } from "@/server/http/input";
import { AppError } from "@/server/http/errors";

/** A body that ends badly is the client's doing: a 4xx with a sentence, never a 500. */
describe("reading a request body", () => {
  it("answers 400 with a sentence when the client goes away mid-body", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"rep":'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const req = new Request("http://127.0.0.1/api/presence", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    const error = await readJsonBody(req, 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_request", status: 400, message: "The request was cut off before its body arrived; send it again" });
  });

  it("reads a whole JSON body", async () => {
    const req = new Request("http://127.0.0.1/api/x", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json" } });
    expect(await readJsonBody(req, 1000)).toEqual({ a: 1 });
  });
});
