import { Prisma } from "@/generated/prisma/client";
import { ZodError, type ZodType } from "zod";
import { fieldIssues, summarise, type FieldIssue } from "@/lib/validation";

/** Every error code the API can answer with, and its HTTP status: the one table. */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_error: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export type { FieldIssue } from "@/lib/validation";

function zodIssues(error: ZodError, schema?: ZodType): FieldIssue[] {
  return fieldIssues(error, schema);
}

/** 422 with one human sentence (see src/lib/validation.ts) and every field's problem in `details`. */
export function validationError(error: ZodError, where: string, schema?: ZodType): AppError {
  return fieldIssuesError(fieldIssues(error, schema), where);
}

/** A 422 whose message is one sentence naming the first problem and whose details list them all. */
export function fieldIssuesError(issues: FieldIssue[], _where: string): AppError {
  return new AppError("validation_error", summarise(issues), issues);
}

/**
 * Turns anything thrown into an AppError. Unknown errors become a generic 500 whose message
 * never carries internals (stack, SQL); the caller logs and reports the original.
 */
export function toAppError(error: unknown): { appError: AppError; unexpected: boolean } {
  if (error instanceof AppError) return { appError: error, unexpected: false };
  if (error instanceof ZodError) return { appError: validationError(error, "input"), unexpected: false };
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (error.code) {
      case "P2025":
        return { appError: new AppError("not_found", "Record not found"), unexpected: false };
      case "P2002": {
        const target = (error.meta as { target?: unknown } | undefined)?.target;
        const fields = Array.isArray(target) ? target.join(", ") : undefined;
        const message = fields ? `A record with the same ${fields} already exists` : "A record with the same key already exists";
        return { appError: new AppError("conflict", message), unexpected: false };
      }
      case "P2003":
        return { appError: new AppError("validation_error", "A referenced record does not exist"), unexpected: false };
    }
  }
  return { appError: new AppError("internal_error", "Something went wrong on our side. Please try again."), unexpected: true };
}
