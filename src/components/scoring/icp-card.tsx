"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ScoreBadge } from "@/components/scoring/score-badge";
import { RelativeTime } from "@/components/data-table/relative-time";
import { apiFetch } from "@/lib/api-client";

export type Breakdown = {
  factors: { key: string; label: string; weight: number; fit: number; points: number; reason: string }[];
  base: number;
  ai: { adjustment: number; reason: string; provider: string } | null;
  aiNote?: string;
  total: number;
  suggestedTier: string;
};

/** The score, each factor's points out of its weight and why, any AI adjustment, and a rescore button. */
export function IcpCard({ kind, id, score, breakdown, legacy, scoredAt, tier, timeZone }: {
  kind: "account" | "person";
  timeZone: string;
  legacy?: { label: string; points: number }[] | null;
  id: string;
  score: number | null;
  breakdown: Breakdown | null;
  scoredAt: string | null;
  tier?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function rescore() {
    setBusy(true);
    setError(null);
    const res = await apiFetch("/api/ai/score-icp", { method: "POST", body: kind === "account" ? { accountId: id } : { personId: id } });
    setBusy(false);
    if (!res.success) return setError(res.error);
    router.refresh();
  }

  return (
    <Card data-testid="icp-card">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div>
          <CardTitle className="flex items-center gap-2">ICP score <ScoreBadge score={score} /></CardTitle>
          <CardDescription>
            {scoredAt ? <RelativeTime value={scoredAt} timeZone={timeZone} prefix="Scored " /> : "Not scored yet"}
            {breakdown && tier && breakdown.suggestedTier !== tier ? ` · score suggests tier ${breakdown.suggestedTier}` : ""}
          </CardDescription>
        </div>
        <Button variant="outline" size="sm" onClick={rescore} disabled={busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Sparkles aria-hidden />} {score === null ? "Score" : "Rescore"}
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3">
        {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        {breakdown ? (
          <>
            <ul className="grid gap-2.5">
              {breakdown.factors.map((f) => (
                <li key={f.key} className="grid gap-1">
                  <div className="flex items-baseline justify-between gap-2 text-sm">
                    <span className="font-medium">{f.label}</span>
                    <span className="tabular-nums text-muted-foreground">{f.points} / {f.weight}</span>
                  </div>
                  <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <div className="h-full rounded-full bg-primary" style={{ width: `${f.weight ? (f.points / f.weight) * 100 : 0}%` }} />
                  </div>
                  <p className="text-xs text-muted-foreground">{f.reason}</p>
                </li>
              ))}
            </ul>
            {breakdown.ai ? (
              <div className="rounded-md border border-primary/30 bg-accent/60 p-3 text-sm" data-testid="icp-ai">
                <p className="font-medium">
                  AI adjustment {breakdown.ai.adjustment >= 0 ? "+" : ""}{breakdown.ai.adjustment} (rules gave {breakdown.base})
                </p>
                <p className="text-muted-foreground">{breakdown.ai.reason}</p>
                <p className="mt-1 text-xs text-muted-foreground">By {breakdown.ai.provider}; capped at ±15 points.</p>
              </div>
            ) : null}
            {breakdown.aiNote ? <p className="text-xs text-muted-foreground">{breakdown.aiNote}</p> : null}
          </>
        ) : legacy ? (
          <>
            <ul className="grid gap-1 text-sm">
              {legacy.map((f) => (
                <li key={f.label} className="flex justify-between gap-2"><span>{f.label}</span><span className="tabular-nums text-muted-foreground">{f.points > 0 && f.label === "Adjustment" ? "+" : ""}{f.points}</span></li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">Breakdown from an earlier scoring model. Rescore to see today&apos;s factors and reasons.</p>
          </>
        ) : (
          <p className="text-sm text-muted-foreground">
            {score === null ? "Score this record to see how it fits your ideal customer profile." : "This score has no stored breakdown (it came from an import or an older version). Rescore to see the factors."}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
