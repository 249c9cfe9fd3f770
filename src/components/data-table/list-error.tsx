import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

/** A list page whose URL has filters we cannot read (hand-edited or stale link): its header, which filters, a reset. */
export function ListError({ title, issues, href }: { title: string; issues: string[]; href: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState icon={TriangleAlert} title="These filters are not valid" action={<Button asChild variant="outline"><Link href={href}>Reset filters</Link></Button>}>
        <ul className="list-inside list-disc text-left">
          {issues.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
