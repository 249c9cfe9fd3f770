"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { MessageSquare, Phone } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { formatInZone } from "@/lib/time";
import { linkedinProfileUrl } from "@/lib/safe-links";

export type TaskRow = { id: string; channel: string; title: string; body: string | null; dueAt: string; person: { id: string; name: string; phone: string | null; linkedin: string | null; account: { name: string } | null } };

export function TaskList({ tasks, timeZone }: { tasks: TaskRow[]; timeZone: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (tasks.length === 0) return <p className="text-sm text-muted-foreground">No LinkedIn or call steps due today.</p>;

  async function mark(id: string, status: "DONE" | "SKIPPED") {
    setBusy(id);
    setError(null);
    const res = await apiFetch(`/api/tasks/${id}`, { method: "PATCH", body: { status } });
    setBusy(null);
    if (!res.success) return setError(res.error);
    router.refresh();
  }

  return (
    <ul className="divide-y">
      {error ? <li role="alert" className="py-2 text-sm text-destructive">{error}</li> : null}
      {tasks.map((t) => (
        <li key={t.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="flex items-center gap-2 text-sm font-medium">
              {t.channel === "CALL" ? <Phone className="size-4" aria-hidden /> : <MessageSquare className="size-4" aria-hidden />}
              <Link className="hover:underline" href={`/dashboard/people/${t.person.id}`}>{t.title}</Link>
            </p>
            {t.body ? <p className="mt-1 line-clamp-2 text-sm text-muted-foreground">{t.body}</p> : null}
            <p className="mt-1 text-xs text-muted-foreground">
              {t.person.account?.name ?? "No account"} · due {formatInZone(t.dueAt, timeZone, "shortDate")}
              {t.channel === "CALL" && t.person.phone ? <> · <a className="underline" href={`tel:${t.person.phone}`}>{t.person.phone}</a></> : null}
              {t.channel === "LINKEDIN" && linkedinProfileUrl(t.person.linkedin) ? <> · <a className="underline" href={linkedinProfileUrl(t.person.linkedin)!} target="_blank" rel="noopener noreferrer">Profile</a></> : null}
            </p>
          </div>
          <div className="flex shrink-0 gap-2">
            <Button size="sm" onClick={() => mark(t.id, "DONE")} disabled={busy === t.id}>Done</Button>
            <Button size="sm" variant="outline" onClick={() => mark(t.id, "SKIPPED")} disabled={busy === t.id}>Skip</Button>
          </div>
        </li>
      ))}
    </ul>
  );
}
