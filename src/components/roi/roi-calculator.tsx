"use client";
import { useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { Calculator, Loader2, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatUsd } from "@/lib/numbers";
import { apiFetch } from "@/lib/api-client";
import { useDebouncedApi } from "@/lib/use-debounced-api";
import { WhenVisible } from "@/components/ui/when-visible";
import { placeApiError } from "@/lib/form-errors";
import { formatInZone } from "@/lib/time";
import { cn } from "@/lib/utils";
import { FormMessage } from "@/components/ui/form-message";

const RoiChart = dynamic(() => import("./roi-chart"), { ssr: false, loading: () => <div className="size-full animate-pulse rounded-md bg-muted/60" aria-hidden /> });

type Assumption = { key: string; label: string; unit: string; group: string; value: number; default: number; source: string; note: string | null };
type Roi = {
  saved: { values: Record<string, number>; updatedAt: string; updatedBy: string | null } | null;
  assumptions: Assumption[];
  result: { lines: { key: string; label: string; annual: number; formula: string }[]; annualSavings: number; annualCost: number; netAnnual: number; implementationCost: number; paybackMonths: number | null; threeYearValue: number };
  explanation: string;
  model: { id: string; label: string; productName: string };
};

const UNIT_SUFFIX: Record<string, string> = { pct: "%", hours: "h", minutes: "min", days: "days" };

/** The fields an API failure names (its details' paths): every one of them is an assumption on this card. */
const fieldsNamedIn = (failure: { details?: unknown }) =>
  Object.fromEntries((Array.isArray(failure.details) ? (failure.details as { path?: unknown }[]) : []).map((d) => [String(d.path), true]));

const SOURCE_LABEL: Record<string, string> = { saved: "saved", override: "not saved yet" };

/**
 * The ROI model for an account: every assumption editable, recomputed by the API as you type,
 * and kept for the account a moment after you stop (with who changed it, shown here and in the
 * account's timeline). "Reset" goes back to the defaults for everyone.
 */
export function RoiCalculator({ accountId, accountName, timeZone }: { accountId: string; accountName: string; timeZone: string }) {
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [data, setData] = useState<Roi | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const saved = data?.saved ?? null;

  async function persist(values: Record<string, number>) {
    setSaving(true);
    const res = await apiFetch<Roi>(`/api/accounts/${accountId}/roi`, { method: "PUT", body: { values } });
    setSaving(false);
    if (!res.success) {
      const placed = placeApiError(res, Object.keys(values).map((k) => `values.${k}`));
      setFieldErrors(Object.fromEntries(Object.entries(placed.fieldErrors).map(([k, v]) => [k.replace(/^values\./, ""), v])));
      setError(placed.formError);
      return;
    }
    setFieldErrors({});
    setError(null);
    setData(res.data);
    setOverrides({});
  }

  // Typed numbers are kept for the account a moment after typing stops.
  useEffect(() => {
    const typed = Object.entries(overrides).filter(([, v]) => v.trim() !== "");
    if (typed.length === 0) return;
    const t = setTimeout(() => {
      void persist({ ...(saved?.values ?? {}), ...Object.fromEntries(typed.map(([k, v]) => [k, Number(v)])) });
    }, 900);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only new typing schedules a save
  }, [overrides]);

  const query = useMemo(() => {
    const p = new URLSearchParams({ accountId });
    for (const [k, v] of Object.entries(overrides)) if (v.trim() !== "") p.set(k, v.trim());
    return p.toString();
  }, [accountId, overrides]);

  useDebouncedApi<Roi>(
    { url: `/api/roi/calculate?${query}` },
    250,
    (res) => {
      if (res.success) {
        setData(res.data);
        setError(null);
        setFieldErrors({});
      } else {
        const placed = placeApiError(res, Object.keys(fieldsNamedIn(res)));
        setFieldErrors(placed.fieldErrors);
        setError(placed.formError);
      }
      setLoading(false);
    },
    () => setLoading(true),
  );

  const groups = useMemo(() => {
    const map = new Map<string, Assumption[]>();
    for (const a of data?.assumptions ?? []) map.set(a.group, [...(map.get(a.group) ?? []), a]);
    return [...map.entries()];
  }, [data]);

  const r = data?.result;
  return (
    <Card data-testid="roi-calculator">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div>
          <CardTitle className="flex items-center gap-2"><Calculator className="size-4" aria-hidden /> ROI for {accountName}</CardTitle>
          <CardDescription>{data ? `What ${data.model.productName} is worth to ${accountName} a year (${data.model.label.toLowerCase()} model)` : "Annual savings"}, from this account&apos;s data and editable assumptions.</CardDescription>
          <p className="mt-1 text-xs text-muted-foreground" data-testid="roi-saved" role="status">
            {saving ? "Saving…" : saved ? `Assumptions saved for this account · last changed by ${saved.updatedBy ?? "a former teammate"}, ${formatInZone(saved.updatedAt, timeZone)}` : "Defaults from this account's data · changes are saved for the team"}
          </p>
        </div>
        {saved || Object.keys(overrides).length > 0 ? (
          <Button variant="ghost" size="sm" onClick={() => void persist({})} title="Go back to the defaults from this account's data"><RotateCcw aria-hidden /> Reset</Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormMessage message={error ? { kind: "error", text: error } : null} />
        {!data ? (
          <div className="flex h-40 items-center justify-center text-sm text-muted-foreground"><Loader2 className="mr-2 size-4 animate-spin" aria-hidden /> Calculating…</div>
        ) : (
          <>
            <div className={cn("grid grid-cols-2 gap-3 sm:grid-cols-4 transition-opacity", loading && "opacity-60")}>
              <Stat label="Annual savings" value={formatUsd(r!.annualSavings)} testId="roi-annual" strong />
              <Stat label="Net per year" value={formatUsd(r!.netAnnual)} hint={`after ${formatUsd(r!.annualCost)} subscription`} />
              <Stat label="Payback" value={r!.paybackMonths === null ? "Never" : r!.paybackMonths < 1 ? "< 1 mo" : `${r!.paybackMonths} mo`} hint={`${formatUsd(r!.implementationCost)} to implement`} />
              <Stat label="3-year value" value={formatUsd(r!.threeYearValue)} />
            </div>
            <div className="h-44" role="img" aria-label="Savings by line">
              <WhenVisible className="size-full">
                <RoiChart lines={r!.lines} />
              </WhenVisible>
            </div>
            <p className="text-sm text-muted-foreground">{data.explanation}</p>
            <div className="grid gap-3">
              {groups.filter(([g]) => showAll || g === "Volume" || g === "Detention").map(([group, items]) => (
                <fieldset key={group} className="grid gap-2 rounded-md border p-3">
                  <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{group}</legend>
                  <div className="grid gap-2 sm:grid-cols-2">
                    {items.map((a) => (
                      <label key={a.key} className="grid gap-1 text-sm">
                        <span className="flex items-center justify-between gap-2">
                          <span>{a.label}</span>
                          <span className={cn("text-[10px] uppercase", a.source === "override" || a.source === "saved" ? "text-primary" : "text-muted-foreground")} title={a.note ?? undefined}>{SOURCE_LABEL[a.source] ?? a.source}</span>
                        </span>
                        <span className="relative">
                          {a.unit === "usd" ? <span className="pointer-events-none absolute left-2.5 top-2 text-sm text-muted-foreground">$</span> : null}
                          <Input
                            type="number"
                            inputMode="decimal"
                            step="any"
                            min={0}
                            name={a.key}
                            value={overrides[a.key] ?? String(a.value)}
                            onChange={(e) => setOverrides((o) => ({ ...o, [a.key]: e.target.value }))}
                            className={cn("h-8", a.unit === "usd" && "pl-6")}
                            aria-label={a.label}
                            aria-invalid={fieldErrors[a.key] ? true : undefined}
                          />
                          {UNIT_SUFFIX[a.unit] ? <span className="pointer-events-none absolute right-7 top-2 text-xs text-muted-foreground">{UNIT_SUFFIX[a.unit]}</span> : null}
                        </span>
                        {fieldErrors[a.key] ? <span className="text-xs text-destructive">{fieldErrors[a.key]}</span> : a.note ? <span className="text-xs text-muted-foreground">{a.note}</span> : null}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
              <Button variant="outline" size="sm" className="justify-self-start" onClick={() => setShowAll((s) => !s)}>
                {showAll ? "Show fewer assumptions" : "Show all assumptions (labour, gate, dwell, cost)"}
              </Button>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Stat({ label, value, hint, strong, testId }: { label: string; value: string; hint?: string; strong?: boolean; testId?: string }) {
  return (
    <div className="rounded-md border bg-muted/30 p-3">
      <p className="text-xs text-muted-foreground">{label}</p>
      <p className={cn("text-lg font-semibold tabular-nums", strong && "text-success")} data-testid={testId}>{value}</p>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );
}
