import type { ApiFailure } from "@/types/api";

/**
 * Where an API failure is shown in a form: each field's problem next to that field, and a
 * message above the buttons only for what belongs to no field on screen, so nothing is said
 * twice. `fields` are the names of the inputs the form shows.
 */
export function placeApiError(failure: Pick<ApiFailure, "error" | "details">, fields: readonly string[]): { fieldErrors: Record<string, string>; formError: string | null } {
  const details = Array.isArray(failure.details) ? (failure.details as { path?: unknown; message?: unknown }[]) : [];
  const fieldErrors: Record<string, string> = {};
  let unplaced = details.length === 0;
  for (const d of details) {
    const path = typeof d.path === "string" ? d.path : "";
    const field = fields.find((f) => path === f || path.startsWith(`${f}.`));
    if (field && typeof d.message === "string") fieldErrors[field] ??= d.message;
    else unplaced = true;
  }
  return { fieldErrors, formError: unplaced ? failure.error : null };
}
