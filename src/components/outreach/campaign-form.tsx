"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Loader2, Plus } from "lucide-react";
import { apiFetch } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Inline "new campaign" form. */
export function CampaignForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await apiFetch("/api/campaigns", { method: "POST", body: { name, description: description || null } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    setName("");
    setDescription("");
    router.refresh();
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-start" aria-label="New campaign">
      <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Campaign name" aria-label="Campaign name" className="sm:w-64" />
      <Input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What it is for (optional)" aria-label="Description" className="sm:flex-1" />
      <Button type="submit" disabled={busy || !name.trim()}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />} Create</Button>
      {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
    </form>
  );
}
