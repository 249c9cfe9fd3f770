"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { AlarmClock, MailWarning, Reply } from "lucide-react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/api-client";

type Kind = "reply" | "out_of_office" | "bounce";
const ACTIONS: { kind: Kind; label: string; icon: typeof Reply }[] = [
  { kind: "reply", label: "Reply as the prospect", icon: Reply },
  { kind: "out_of_office", label: "Send an out-of-office", icon: AlarmClock },
  { kind: "bounce", label: "Bounce it", icon: MailWarning },
];

/** Development mailbox: answer a captured outreach message as its recipient (real MIME, through the inbound path). */
export function ProspectActions({ outboxId }: { outboxId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(kind: Kind) {
    setBusy(kind);
    setOutcome(null);
    const result = await apiFetch<{ message: string }>(`/api/dev/mailbox/${outboxId}/simulate`, { method: "POST", body: { kind } });
    setBusy(null);
    if (!result.success) {
      setOutcome({ ok: false, text: result.code === "unauthorized" ? "Sign in to the demo first: the answer is recorded in your team's data." : result.error });
      return;
    }
    setOutcome({ ok: true, text: result.data.message });
    router.refresh();
  }

  return (
    <div className="mt-3 flex flex-col gap-2 border-t pt-3">
      <div className="flex flex-wrap gap-2">
        {ACTIONS.map(({ kind, label, icon: Icon }) => (
          <Button key={kind} size="sm" variant="outline" disabled={busy !== null} onClick={() => void run(kind)}>
            <Icon aria-hidden /> {busy === kind ? "Sending…" : label}
          </Button>
        ))}
      </div>
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "text-sm text-success" : "text-sm text-destructive"} data-testid="prospect-outcome">{outcome.text}</p>
      ) : null}
    </div>
  );
}
