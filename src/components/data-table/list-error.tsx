import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";

/** A list URL with filters we cannot read (hand-edited or stale link): say which, offer a reset. */
export function ListError({ issues, href }: { issues: string[]; href: string }) {
  return (
    <EmptyState icon={TriangleAlert} title="These filters are not valid" action={<Button asChild variant="outline"><Link href={href}>Reset filters</Link></Button>}>
      <ul className="list-inside list-disc text-left">
        {issues.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </EmptyState>
  );
}
