"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Download, Loader2, Pencil, Trash2 } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";
import { useConfirm } from "@/components/ui/confirm-dialog";
import type { ReportConfig } from "@/server/reports/config";
import { downloadReportPdf } from "./download";

/** Re-run (PDF), open in the builder, delete: one saved report definition. */
export function ReportRowActions({ id, name, eventId, config, canEdit }: { id: string; name: string; eventId: string; config: ReportConfig; canEdit: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<"pdf" | "delete" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, ask] = useConfirm();
  async function onPdf() {
    setBusy("pdf");
    setError(await downloadReportPdf(eventId, config));
    setBusy(null);
  }
  function onDelete() {
    ask({ title: `Delete the saved report “${name}”?`, description: "The numbers stay; only this saved definition goes.", confirmLabel: "Delete report", destructive: true }, async () => {
      const r = await apiFetch(`/api/reports/${id}`, { method: "DELETE" });
      if (!r.success) return r.error;
      router.refresh();
      return null;
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" variant="outline" onClick={onPdf} disabled={busy !== null} aria-label={`Download ${name} as PDF`}>
        {busy === "pdf" ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />} PDF
      </Button>
      <Link href={`/dashboard/reports/builder?id=${id}`} className={buttonVariants({ size: "sm", variant: "secondary" })}>
        <Pencil aria-hidden /> Open
      </Link>
      {canEdit ? (
        <Button size="sm" variant="ghost" onClick={onDelete} disabled={busy !== null} aria-label={`Delete ${name}`}>
          {busy === "delete" ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
        </Button>
      ) : null}
      {error ? <p role="alert" className="w-full text-xs text-destructive">{error}</p> : null}
      {dialog}
    </div>
  );
}
