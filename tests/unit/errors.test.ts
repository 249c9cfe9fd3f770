import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError, toAppError } from "@/server/http/errors";

describe("error mapper", () => {
  it("maps Prisma's not-found and unique errors", () => {
    const notFound = new Prisma.PrismaClientKnownRequestError("x", { code: "P2025", clientVersion: "7" });
    expect(toAppError(notFound).appError.status).toBe(404);
    const dup = new Prisma.PrismaClientKnownRequestError("x", { code: "P2002", clientVersion: "7", meta: { target: ["email"] } });
    const mapped = toAppError(dup).appError;
    expect(mapped.status).toBe(409);
    expect(mapped.message).toContain("email");
  });
  it("maps zod errors to 422 and unknown errors to a generic 500", () => {
    const zodError = z.object({ a: z.string() }).safeParse({}).error!;
    expect(toAppError(zodError).appError.status).toBe(422);
    const unknown = toAppError(new Error("connection string postgres://secret"));
    expect(unknown.unexpected).toBe(true);
    expect(unknown.appError.message).not.toContain("postgres");
  });
  it("keeps typed errors as they are", () => {
    const err = new AppError("forbidden", "No");
    expect(toAppError(err)).toEqual({ appError: err, unexpected: false });
  });
});
