"use client";

import { useState, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { PeopleList } from "@/components/people/people-list";
import { DraftsJobProgress } from "@/components/outreach/drafts-job-progress";
import { BulkGenerateDialog } from "@/components/outreach/bulk-generate-button";

type EnrollResult = { enrolled: { personId: string; name: string }[]; skipped: { personId: string; name: string; reason: string }[] };
type SequenceOption = { id: string; name: string };

const REASONS: Record<string, string> = {
  suppressed: "on the suppression list",
  already_in_sequence: "already active in a sequence",
  no_email: "no email address",
  not_found: "not in this event",
};

function ResultPanel({ result }: { result: EnrollResult }) {
  return (
    <div role="status" className="rounded-md border bg-card p-3 text-sm">
      <p className="font-medium">{result.enrolled.length} enrolled{result.skipped.length ? `, ${result.skipped.length} skipped` : ""}.</p>
      {result.skipped.length ? (
        <ul className="mt-1 list-disc pl-5 text-muted-foreground">
          {result.skipped.slice(0, 20).map((s) => <li key={s.personId}>{s.name}: {REASONS[s.reason] ?? s.reason}</li>)}
          {result.skipped.length > 20 ? <li>… and {result.skipped.length - 20} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

async function enroll(sequenceId: string, body: { personIds?: string[]; accountId?: string; savedViewId?: string }) {
  return apiFetch<EnrollResult>(`/api/sequences/${sequenceId}/enroll`, { method: "POST", body });
}

/** The people list with an "Enroll in sequence" bulk action. */
export function PeopleListWithEnroll({ sequences, ...props }: ComponentProps<typeof PeopleList> & { sequences: SequenceOption[] }) {
  const [sequenceId, setSequenceId] = useState("");
  const [result, setResult] = useState<EnrollResult | null>(null);
  const [viewId, setViewId] = useState("");
  const [viewBusy, setViewBusy] = useState(false);
  const [viewError, setViewError] = useState<string | null>(null);
  const [draftFor, setDraftFor] = useState<{ id: string; name: string }[] | null>(null);
  const router = useRouter();
  return (
    <div className="space-y-3">
      {sequences.length ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="enroll-sequence" className="text-muted-foreground">Enroll selected people in</label>
          <NativeSelect id="enroll-sequence" className="w-auto" value={sequenceId} onChange={(e) => setSequenceId(e.target.value)}>
            <option value="">Choose a sequence…</option>
            {sequences.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </NativeSelect>
          {props.views.length ? (
            <>
              <span className="text-muted-foreground">or everyone in</span>
              <NativeSelect aria-label="Saved filter to enroll" className="w-auto" value={viewId} onChange={(e) => setViewId(e.target.value)}>
                <option value="">a saved filter…</option>
                {props.views.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
              </NativeSelect>
              <Button
                size="sm"
                variant="outline"
                disabled={!viewId || !sequenceId || viewBusy}
                onClick={async () => {
                  setViewBusy(true);
                  setViewError(null);
                  const res = await enroll(sequenceId, { savedViewId: viewId });
                  setViewBusy(false);
                  if (!res.success) return setViewError(res.error);
                  setResult(res.data);
                  router.refresh();
                }}
              >
                {viewBusy ? "Enrolling…" : "Enroll filter"}
              </Button>
            </>
          ) : null}
          {viewError ? <span role="alert" className="text-destructive">{viewError}</span> : null}
        </div>
      ) : null}
      {result ? <ResultPanel result={result} /> : null}
      <DraftsJobProgress />
      <PeopleList
        {...props}
        extraBulkActions={[
          ...(sequences.length ? [{
            label: "Enroll in sequence",
            run: async (ids: string[]) => {
              if (!sequenceId) return "Choose a sequence above first";
              const res = await enroll(sequenceId, { personIds: ids });
              if (!res.success) return res.error;
              setResult(res.data);
              return null;
            },
          }] : []),
          {
            label: "Generate drafts",
            run: async (ids: string[]) => {
              const names = new Map(props.list.rows.map((r) => [r.id, r.name]));
              setDraftFor(ids.map((id) => ({ id, name: names.get(id) ?? id })));
              return { silent: true as const };
            },
          },
        ]}
      />
      <BulkGenerateDialog people={draftFor} onClose={() => setDraftFor(null)} />
    </div>
  );
}

/** Enroll everyone at an account (account page). */
export function EnrollAccount({ accountId, sequences }: { accountId: string; sequences: SequenceOption[] }) {
  const router = useRouter();
  const [sequenceId, setSequenceId] = useState(sequences[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<EnrollResult | null>(null);
  if (sequences.length === 0) return <p className="text-sm text-muted-foreground">No active sequence yet.</p>;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <NativeSelect aria-label="Sequence" className="w-auto" value={sequenceId} onChange={(e) => setSequenceId(e.target.value)}>
          {sequences.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </NativeSelect>
        <Button
          variant="outline"
          disabled={busy || !sequenceId}
          onClick={async () => {
            setBusy(true);
            setError(null);
            const res = await enroll(sequenceId, { accountId });
            setBusy(false);
            if (!res.success) return setError(res.error);
            setResult(res.data);
            router.refresh();
          }}
        >
          {busy ? "Enrolling…" : "Enroll everyone here"}
        </Button>
      </div>
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
      {result ? <ResultPanel result={result} /> : null}
    </div>
  );
}
