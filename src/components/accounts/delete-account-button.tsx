"use client";
import { TRASH_DAYS } from "@/lib/trash";
import { useRef } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { DeleteRecordButton } from "@/components/records/delete-record-button";

/** Move to the Trash with confirmation: the account only (its people stay, unlinked) unless the box is ticked. */
export function DeleteAccountButton({ id, name, peopleCount, refusal }: { id: string; name: string; peopleCount: number; refusal?: string | null }) {
  // Read when the dialog's Delete is pressed, not when the dialog opened.
  const withPeople = useRef(false);
  return (
    <DeleteRecordButton
      name={name}
      refusal={refusal}
      listHref="/dashboard/accounts"
      deleteUrl={() => `/api/accounts/${id}?deletePeople=${withPeople.current}`}
      onOpen={() => (withPeople.current = false)}
      description={
        <span className="grid gap-3">
          <span>
            It leaves every list; restoring it from Settings → Trash within {TRASH_DAYS} days puts it back with its dossier.{" "}
            {peopleCount > 0 ? `Its ${peopleCount} ${peopleCount === 1 ? "person stays" : "people stay"} in the event without an account unless you tick the box.` : ""}
          </span>
          {peopleCount > 0 ? (
            <label className="flex items-center gap-2 text-foreground">
              <Checkbox defaultChecked={false} onCheckedChange={(c) => (withPeople.current = c === true)} /> Also move its {peopleCount} {peopleCount === 1 ? "person" : "people"} to the Trash
            </label>
          ) : null}
        </span>
      }
    />
  );
}
