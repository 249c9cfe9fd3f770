import { FileJson, FileText, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EditableField } from "@/components/data-table/editable-field";
import { formatInZone } from "@/lib/time";
import { ErasePersonButton } from "@/components/privacy/erase-person-button";
import { DATA_SOURCE_LABELS, LAWFUL_BASIS_LABELS, type DataSourceValue, type LawfulBasisValue } from "@/lib/privacy-labels";
import { labelOptions } from "@/lib/utils";

type Props = {
  person: { id: string; name: string; lawfulBasis: LawfulBasisValue; dataSource: DataSourceValue; sourcedAt: Date | string };
  eventId: string;
  isAdmin: boolean;
  timeZone: string;
};

/** The person page's privacy panel: why we hold them and from where; admins answer access and erasure requests here. */
export function PrivacyCard({ person, eventId, isAdmin, timeZone }: Props) {
  const report = `/api/people/${person.id}/personal-data?eventId=${encodeURIComponent(eventId)}`;
  return (
    <Card data-testid="privacy-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2"><ShieldCheck className="size-4" aria-hidden /> Privacy</CardTitle>
        <CardDescription>Source: {DATA_SOURCE_LABELS[person.dataSource].toLowerCase()} · {formatInZone(person.sourcedAt, timeZone, "date")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <EditableField
          endpoint={`/api/people/${person.id}`}
          field="lawfulBasis"
          label="Lawful basis"
          value={person.lawfulBasis}
          kind="select"
          options={labelOptions(LAWFUL_BASIS_LABELS)}
        />
        {isAdmin ? (
          <div className="grid gap-2">
            <p className="text-xs text-muted-foreground">When they ask what we hold about them, or ask us to forget them:</p>
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="outline" size="sm"><a href={`${report}&format=html`} target="_blank" rel="noopener"><FileText aria-hidden /> Data report</a></Button>
              <Button asChild variant="outline" size="sm"><a href={`${report}&format=json`} download><FileJson aria-hidden /> JSON</a></Button>
              <ErasePersonButton id={person.id} name={person.name} eventId={eventId} />
            </div>
          </div>
        ) : (
          <p className="text-xs text-muted-foreground">Data reports and erasure are done by an admin.</p>
        )}
      </CardContent>
    </Card>
  );
}
