"use client";
import { useState } from "react";
import { Loader2, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { apiFetch } from "@/lib/api-client";
import { cn } from "@/lib/utils";

type Weights = { account: Record<string, number>; person: Record<string, number> };
const LABELS: Record<string, string> = {
  industry: "Industry fit", employees: "Employees", revenue: "Revenue", footprint: "Footprint (facilities, HQ)", engagement: "Engagement (opens, replies, meetings)",
  persona: "Persona", seniority: "Seniority (from title)", account: "Their account's score",
};

/** The "Scoring" card: admins edit the ICP weights (each group adds up to 100); reps see them. */
export function ScoringSettings({ isAdmin, initial, defaults }: { isAdmin: boolean; initial: Weights; defaults: Weights }) {
  const [weights, setWeights] = useState<Weights>(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const sum = (g: "account" | "person") => Object.values(weights[g]).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const valid = sum("account") === 100 && sum("person") === 100;

  async function save() {
    setBusy(true);
    setMessage(null);
    const res = await apiFetch("/api/ai/score-icp/weights", { method: "PUT", body: weights });
    setBusy(false);
    if (!res.success) return setMessage({ kind: "error", text: res.error });
    setMessage({ kind: "ok", text: "Saved. New scores use these weights; use “Rescore all” on Accounts to apply them to everyone now." });
  }

  return (
    <Card data-testid="scoring-settings">
      <CardHeader>
        <CardTitle>Scoring</CardTitle>
        <CardDescription>
          How much each factor counts toward the 0–100 ICP score. See docs/ICP_SCORING.md for the rules.
          {isAdmin ? "" : " Only admins can change the weights."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {message ? <p role={message.kind === "error" ? "alert" : "status"} className={cn("rounded-md px-3 py-2 text-sm", message.kind === "error" ? "bg-destructive/10 text-destructive" : "bg-success/10 text-success")}>{message.text}</p> : null}
        <div className="grid gap-4 md:grid-cols-2">
          {(["account", "person"] as const).map((group) => (
            <fieldset key={group} className="grid gap-2 rounded-md border p-3">
              <legend className="px-1 text-sm font-semibold">{group === "account" ? "Accounts" : "People"}</legend>
              {Object.keys(weights[group]).map((key) => (
                <label key={key} className="flex items-center justify-between gap-3 text-sm">
                  <span>{LABELS[key] ?? key}</span>
                  <Input
                    type="number"
                    min={0}
                    max={100}
                    inputMode="numeric"
                    className="h-8 w-20 text-right"
                    disabled={!isAdmin}
                    value={Number.isFinite(weights[group][key]) ? weights[group][key] : ""}
                    aria-label={`${group} ${LABELS[key] ?? key} weight`}
                    onChange={(e) => setWeights((w) => ({ ...w, [group]: { ...w[group], [key]: e.target.value === "" ? NaN : Number(e.target.value) } }))}
                  />
                </label>
              ))}
              <p className={cn("text-right text-xs", sum(group) === 100 ? "text-muted-foreground" : "font-medium text-destructive")}>Total {sum(group)} / 100</p>
            </fieldset>
          ))}
        </div>
        {isAdmin ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={busy || !valid}>{busy ? <Loader2 className="animate-spin" aria-hidden /> : null} Save weights</Button>
            <Button variant="outline" onClick={() => setWeights(defaults)}><RotateCcw aria-hidden /> Defaults</Button>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
