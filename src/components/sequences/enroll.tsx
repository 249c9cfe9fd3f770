"use client";

import { useState, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { PeopleList } from "@/components/people/people-list";

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

async function enroll(sequenceId: string, body: { personIds?: string[]; accountId?: string }) {
  return apiFetch<EnrollResult>(`/api/sequences/${sequenceId}/enroll`, { method: "POST", body });
}

/** The people list with an "Enroll in sequence" bulk action. */
export function PeopleListWithEnroll({ sequences, ...props }: ComponentProps<typeof PeopleList> & { sequences: SequenceOption[] }) {
  const [sequenceId, setSequenceId] = useState("");
  const [result, setResult] = useState<EnrollResult | null>(null);
  return (
    <div className="space-y-3">
      {sequences.length ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="enroll-sequence" className="text-muted-foreground">Enroll selected people in</label>
          <NativeSelect id="enroll-sequence" className="w-auto" value={sequenceId} onChange={(e) => setSequenceId(e.target.value)}>
            <option value="">Choose a sequence…</option>
            {sequences.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </NativeSelect>
        </div>
      ) : null}
      {result ? <ResultPanel result={result} /> : null}
      <PeopleList
        {...props}
        extraBulkActions={sequences.length ? [{
          label: "Enroll in sequence",
          run: async (ids) => {
            if (!sequenceId) return "Choose a sequence above first";
            const res = await enroll(sequenceId, { personIds: ids });
            if (!res.success) return res.error;
            setResult(res.data);
            return null;
          },
        }] : []}
      />
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
