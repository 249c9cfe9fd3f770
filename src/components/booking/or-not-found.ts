import { notFound } from "next/navigation";
import { AppError } from "@/server/http/errors";

/** A public booking page for a link that leads nowhere is the 404 page, not an error. */
export function orNotFound<T>(load: Promise<T>): Promise<T> {
  return load.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
}
