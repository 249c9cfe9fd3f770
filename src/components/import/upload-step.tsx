"use client";
import { useState, type ChangeEvent, type DragEvent, type RefObject } from "react";
import { Download, FileUp, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import { SAMPLE_CSV } from "@/components/import/sample-csv";

/** Step 1: pick or drop a CSV file, or download the sample to start from. */
export function UploadStep({ eventName, busy, inputRef, onFile }: {
  eventName: string;
  busy: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onFile: (file: File) => void;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <Card>
      <CardHeader>
        <CardTitle>1. Choose a CSV file</CardTitle>
        <CardDescription>
          Accounts, and optionally the people who work there, into {eventName}. Exports from HubSpot and Salesforce work as they are. Up to
          10 MB (about 50,000 rows).
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <label
          htmlFor="csv-file"
          onDragOver={(e: DragEvent) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) onFile(file);
          }}
          className={cn(
            "flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
            dragging ? "border-primary bg-accent" : "border-border bg-muted/40 hover:border-primary/50",
          )}
        >
          {busy ? <Loader2 className="size-8 animate-spin text-primary" aria-hidden /> : <FileUp className="size-8 text-primary" aria-hidden />}
          <span className="text-sm font-medium">{busy ? "Reading the file…" : "Drop a CSV here or click to choose one"}</span>
          <span className="text-xs text-muted-foreground">Comma, semicolon or tab separated · UTF-8</span>
        </label>
        <input
          ref={inputRef}
          id="csv-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="sr-only"
          aria-label="CSV file"
          onChange={(e: ChangeEvent<HTMLInputElement>) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
          }}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span className="text-muted-foreground">Not sure about the columns? Start from the sample.</span>
          <Button type="button" variant="outline" size="sm" onClick={downloadSample}>
            <Download aria-hidden /> Sample CSV
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

function downloadSample() {
  const url = URL.createObjectURL(new Blob([SAMPLE_CSV], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "accounts-sample.csv";
  a.click();
  URL.revokeObjectURL(url);
}
