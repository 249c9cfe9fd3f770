"use client";
import { TRASH_DAYS } from "@/lib/trash";
import { DeleteRecordButton } from "@/components/records/delete-record-button";

/** `refusal`: why the signed-in teammate may not delete this person (the button is then disabled and says so). */
export function DeletePersonButton({ id, name, refusal }: { id: string; name: string; refusal?: string | null }) {
  return (
    <DeleteRecordButton
      name={name}
      refusal={refusal}
      listHref="/dashboard/people"
      deleteUrl={() => `/api/people/${id}`}
      variant="ghost"
      ariaLabel={`Delete ${name}`}
      description={`Their sequences stop and queued messages are cancelled. Restoring them from Settings → Trash within ${TRASH_DAYS} days puts everything back.`}
    />
  );
}
