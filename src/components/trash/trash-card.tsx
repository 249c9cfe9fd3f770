import Link from "next/link";
import { Trash2 } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TRASH_DAYS } from "@/lib/trash";

/** The Settings entry to the Trash: how much waits there, for whom. */
export function TrashCard({ count, isAdmin, eventName }: { count: number; isAdmin: boolean; eventName: string }) {
  return (
    <Card data-testid="trash-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2"><Trash2 className="size-4" aria-hidden /> Trash</CardTitle>
        <CardDescription>
          Deleted accounts and people of {eventName} wait here for {TRASH_DAYS} days, restorable in one click.{" "}
          {count === 0 ? (isAdmin ? "Nothing is in the Trash." : "Nothing you deleted is in the Trash.") : `${count} delete${count === 1 ? "" : "s"} ${isAdmin ? "in the Trash" : "of yours in the Trash"}.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Link href="/dashboard/settings/trash" className={buttonVariants({ variant: "outline" })}>Open the Trash</Link>
      </CardContent>
    </Card>
  );
}
