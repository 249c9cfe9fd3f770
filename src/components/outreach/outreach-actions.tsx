"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, Loader2, MessageSquareReply, Pencil, RotateCcw, Send, Trash2 } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { describeOutcome, type SendOutcomeView } from "@/components/outreach/format";
import { MergeFieldPicker, MessagePreview, useFieldInsertion, useMessagePreview } from "@/components/outreach/merge-fields-ui";
import { browserTimeZone, formatInZone } from "@/lib/time";
import { useAutosave, useStoredDraft } from "@/lib/use-local-draft";
import { cn } from "@/lib/utils";

type Props = {
  id: string;
  personId: string;
  personName: string;
  status: string;
  channel: string;
  subject: string | null;
  message: string;
  /** Why the signed-in teammate may not edit, send, discard or mark this message (the permission matrix); null when they may. */
  refusal: string | null;
  sent: boolean;
  replied: boolean;
};

/**
 * Edit, send, discard and "mark replied" for one message; each calls the API and refreshes. The
 * editor has the merge-field picker and the live preview for the recipient, and keeps unsaved
 * edits in the browser (a reload reopens them).
 */
export function OutreachActions({ id, personId, personName, status, channel, subject, message, refusal, sent, replied }: Props) {
  const router = useRouter();
  const editable = !refusal && (status === "DRAFT" || status === "QUEUED" || status === "FAILED");
  const key = `outreach:${id}`;
  const stored = useStoredDraft<{ subject: string; message: string }>(editable ? key : null);
  const [opened, setOpened] = useState<boolean | null>(null);
  const [edited, setDraft] = useState<{ subject: string; message: string } | null>(null);
  // Unsaved edits found in the browser reopen the editor with them, until saved or cancelled.
  const restored = opened === null && edited === null ? stored : null;
  const editing = opened ?? Boolean(stored);
  const setEditing = (on: boolean) => setOpened(on);
  const draft = edited ?? stored?.value ?? { subject: subject ?? "", message };
  const dirty = editing && (draft.subject !== (subject ?? "") || draft.message !== message);
  const clearAutosave = useAutosave(key, draft, dirty);
  const { register, insert } = useFieldInsertion<"subject" | "message">("message", (name, next) => setDraft({ ...draft, [name]: next }));
  const preview = useMessagePreview(editing ? personId : null, channel === "EMAIL" ? draft.subject : "", draft.message);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SendOutcomeView | null>(null);

  async function run(name: string, action: () => Promise<{ success: boolean; error?: string } & Record<string, unknown>>) {
    setBusy(name);
    setError(null);
    const res = await action();
    setBusy(null);
    if (!res.success) {
      setError(res.error ?? "Something went wrong");
      return false;
    }
    router.refresh();
    return true;
  }

  const save = () => run("save", async () => {
    const res = await apiFetch(`/api/outreach/${id}`, { method: "PATCH", body: { subject: channel === "EMAIL" ? draft.subject : draft.subject || null, message: draft.message } });
    if (res.success) {
      clearAutosave();
      setEditing(false);
    }
    return res;
  });
  const send = () => run("send", async () => {
    const res = await apiFetch<{ result: SendOutcomeView }>(`/api/outreach/${id}/send`, { method: "POST" });
    if (res.success) setOutcome(res.data.result);
    return res;
  });
  const discard = () => run("discard", async () => {
    const res = await apiFetch<{ status: string }>(`/api/outreach/${id}`, { method: "DELETE" });
    if (res.success && res.data.status === "DELETED") router.push("/dashboard/outreach");
    return res;
  });
  const markReplied = () => run("reply", () => apiFetch(`/api/outreach/${id}/reply`, { method: "POST", body: {} }));
  const resend = () => run("resend", async () => {
    const res = await apiFetch<{ result: SendOutcomeView }>(`/api/outreach/${id}/resend`, { method: "POST" });
    if (res.success) setOutcome(res.data.result);
    return res;
  });

  const view = outcome ? describeOutcome(outcome) : null;
  return (
    <div className="flex flex-col gap-3">
      {editing ? (
        <div className="flex flex-col gap-3" data-testid="outreach-editor">
          {restored ? <p className="text-sm text-muted-foreground" data-testid="edit-restored">Your unsaved changes from {formatInZone(restored.savedAt, browserTimeZone())} are back.</p> : null}
          <div className="flex justify-end"><MergeFieldPicker onInsert={insert} /></div>
          {channel === "EMAIL" ? (
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="edit-subject">Subject</Label>
              <Input id="edit-subject" value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} {...register("subject")} />
            </div>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="edit-message">Message</Label>
            <Textarea id="edit-message" rows={12} value={draft.message} onChange={(e) => setDraft({ ...draft, message: e.target.value })} {...register("message")} />
          </div>
          <section className="grid gap-2 rounded-md border p-3" aria-label={`Preview for ${personName}`}>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">What {personName} will read</h3>
            <MessagePreview recipientName={personName} preview={preview.preview} loading={preview.loading} error={preview.error} showSubject={channel === "EMAIL"} signature={channel === "EMAIL" ? preview.preview?.signature : null} />
          </section>
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={busy !== null || !draft.message.trim()}>{busy === "save" ? <Loader2 className="animate-spin" aria-hidden /> : null} Save changes</Button>
            <Button variant="ghost" onClick={() => { clearAutosave(); setDraft(null); setEditing(false); }}>Cancel</Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {status === "INTERRUPTED" ? (
            <div className="flex w-full flex-col gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm" data-testid="interrupted-notice">
              <p className="flex items-start gap-2">
                <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
                <span>
                  Sending was interrupted before the mail server answered, so this message may or may not have gone out. It is never sent again by itself.
                  Check the outbox (your mail provider&apos;s sent folder, or ask the recipient), then resend it or discard it.
                </span>
              </p>
              {!refusal ? (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" onClick={resend} disabled={busy !== null} data-testid="outreach-resend">
                    {busy === "resend" ? <Loader2 className="animate-spin" aria-hidden /> : <RotateCcw aria-hidden />} It did not go out: resend
                  </Button>
                  <Button size="sm" variant="outline" onClick={discard} disabled={busy !== null} data-testid="outreach-discard-interrupted">
                    <Trash2 aria-hidden /> Discard it
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}
          {editable ? (
            <>
              <Button onClick={send} disabled={busy !== null} data-testid="outreach-send">
                {busy === "send" ? <Loader2 className="animate-spin" aria-hidden /> : <Send aria-hidden />} {channel === "EMAIL" ? (status === "QUEUED" ? "Try sending now" : "Send now") : "Log as done"}
              </Button>
              <Button variant="outline" onClick={() => setEditing(true)} disabled={busy !== null}><Pencil aria-hidden /> Edit</Button>
              <Button variant="ghost" onClick={discard} disabled={busy !== null}>
                <Trash2 aria-hidden /> {status === "QUEUED" ? "Cancel sending" : "Discard draft"}
              </Button>
            </>
          ) : null}
          {refusal ? <p className="text-sm text-muted-foreground" data-testid="outreach-refusal">{refusal}</p> : null}
          {sent && !replied && !refusal ? (
            <Button variant="outline" onClick={markReplied} disabled={busy !== null} data-testid="mark-replied">
              {busy === "reply" ? <Loader2 className="animate-spin" aria-hidden /> : <MessageSquareReply aria-hidden />} Mark as replied
            </Button>
          ) : null}
        </div>
      )}
      {view ? (
        <p data-testid="send-outcome" className={cn("rounded-md border px-3 py-2 text-sm", view.tone === "success" && "border-success/40 bg-success/10", view.tone === "warning" && "border-warning/40 bg-warning/10", view.tone === "error" && "border-destructive/40 bg-destructive/10")}>
          {view.text}
        </p>
      ) : null}
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
    </div>
  );
}
