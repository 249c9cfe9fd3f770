import type { GetServerSidePropsResult } from "next";
import { AppError } from "@/server/http/errors";

/**
 * foundOr404 (src/server/http/not-found.ts) for the Pages Router's getServerSideProps: what the
 * services refuse as not found is the app's 404 page; anything else is an error.
 */
export async function propsOr404<T extends Record<string, unknown>>(load: Promise<T>): Promise<GetServerSidePropsResult<T>> {
  try {
    return { props: await load };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { notFound: true };
    throw error;
  }
}
