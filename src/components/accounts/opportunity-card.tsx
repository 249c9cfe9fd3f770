import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EditableField } from "@/components/data-table/editable-field";
import { formatUsd } from "@/lib/numbers";
import { labelOptions } from "@/lib/utils";

const OPPORTUNITY_STAGE_LABELS: Record<string, string> = {
  QUALIFIED: "Qualified", PROPOSAL: "Proposal", NEGOTIATION: "Negotiation", WON: "Won", LOST: "Lost",
};

const ymd = (value: Date | string | null) => (value === null ? null : (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10));

/** The account's opportunity: what the show P&L counts as pipeline and won revenue. */
export function OpportunityCard({ endpoint, account }: {
  endpoint: string;
  account: { opportunityStage: string | null; opportunityAmount: number | null; expectedCloseDate: Date | string | null; closeReason: string | null; opportunityOpenedAt: Date | string | null };
}) {
  const closed = account.opportunityStage === "WON" || account.opportunityStage === "LOST";
  return (
    <Card data-testid="opportunity-card">
      <CardHeader>
        <CardTitle>Opportunity</CardTitle>
        <CardDescription>
          {account.opportunityStage ? `Opened ${ymd(account.opportunityOpenedAt)}. ` : "No opportunity yet. "}
          Counts in “Was the show worth it?” as pipeline (open), won revenue (won) or neither (lost).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <EditableField
          endpoint={endpoint}
          field="opportunityStage"
          label="Stage"
          value={account.opportunityStage ?? ""}
          kind="select"
          placeholder="No opportunity"
          options={[{ value: "", label: "No opportunity" }, ...labelOptions(OPPORTUNITY_STAGE_LABELS)]}
        />
        <EditableField endpoint={endpoint} field="opportunityAmount" label="Amount (USD)" value={account.opportunityAmount} kind="number" display={formatUsd(account.opportunityAmount)} placeholder="Deal value" />
        <EditableField endpoint={endpoint} field="expectedCloseDate" label="Expected close" value={ymd(account.expectedCloseDate)} placeholder="YYYY-MM-DD" />
        <EditableField endpoint={endpoint} field="closeReason" label={closed ? `Why it was ${account.opportunityStage === "WON" ? "won" : "lost"}` : "Won or lost because"} value={account.closeReason} placeholder={closed ? "Add the reason" : "Filled in when it closes"} />
      </CardContent>
    </Card>
  );
}
