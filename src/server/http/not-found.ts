import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/server/http/errors";

/**
 * The one not-found handling for pages: a record that does not exist (or the services refuse as
 * not found) renders the dashboard's not-found page; anything else is an error for error.tsx.
 */
export async function foundOr404<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
