"use client";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { Trash2 } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { apiFetch } from "@/lib/api-client";
import { RefusedButton } from "@/components/ui/refused-button";

/**
 * A record page's Delete: asks first (what moves to the Trash and for how long it can come
 * back), sends the DELETE, and returns to the list. `refusal`: why the signed-in teammate may
 * not delete it (the button is then disabled and says so).
 */
export function DeleteRecordButton({ name, deleteUrl, listHref, description, onOpen, refusal, variant = "outline", ariaLabel }: {
  name: string;
  /** Read when Delete is pressed in the dialog, so it can carry the dialog's choices. */
  deleteUrl: () => string;
  listHref: string;
  description: ReactNode;
  onOpen?: () => void;
  refusal?: string | null;
  variant?: ButtonProps["variant"];
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [dialog, ask] = useConfirm();

  function open() {
    onOpen?.();
    ask({ title: `Move ${name} to the Trash?`, description, confirmLabel: "Delete", destructive: true }, async () => {
      const res = await apiFetch(deleteUrl(), { method: "DELETE" });
      if (!res.success) return res.error;
      router.push(listHref);
      router.refresh();
      return null;
    });
  }

  if (refusal) return <RefusedButton label="Delete" reason={refusal} />;
  return (
    <>
      <Button variant={variant} size="sm" className="text-destructive" aria-label={ariaLabel} onClick={open}><Trash2 aria-hidden /> Delete</Button>
      {dialog}
    </>
  );
}
