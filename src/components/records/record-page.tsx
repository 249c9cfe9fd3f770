import type { ReactNode } from "react";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/**
 * The top of an account's or a person's page: the way back to the list, the name with its
 * badges, the lines under it, and the actions row. A header with an avatar (a person) spaces its
 * parts a little wider so the picture does not crowd the name.
 */
export function RecordHeader({ back, name, badges, avatar, actions, children }: {
  back: { href: string; label: string };
  name: string;
  badges: ReactNode;
  avatar?: ReactNode;
  actions: ReactNode;
  /** The lines under the name (contact details, status, …). */
  children: ReactNode;
}) {
  const heading = (
    <div className="min-w-0">
      <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
        <span className="break-words">{name}</span>
        {badges}
      </h1>
      {children}
    </div>
  );
  return (
    <div className={cn("grid", avatar ? "gap-3" : "gap-2")}>
      <BackLink href={back.href}>{back.label}</BackLink>
      <div className={cn("flex flex-col sm:flex-row sm:items-start sm:justify-between", avatar ? "gap-4" : "gap-3")}>
        {avatar ? <div className="flex min-w-0 items-start gap-4">{avatar}{heading}</div> : heading}
        {actions}
      </div>
    </div>
  );
}

/** A record page's "Details" card: its fields in two columns, and once, at the top, why they are read-only when they are. */
export function DetailsCard({ refusal, children }: { refusal?: string | null; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
        {refusal ? <CardDescription data-testid="edit-refusal">{refusal}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid gap-x-6 gap-y-3 sm:grid-cols-2">{children}</CardContent>
    </Card>
  );
}
