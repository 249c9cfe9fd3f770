import Link from "next/link";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardNotFound() {
  return (
    <EmptyState icon={SearchX} title="Not found" action={<Link href="/dashboard" className="text-sm font-medium text-primary underline">Go to dashboard</Link>}>
      This record does not exist, was deleted, or belongs to another event.
    </EmptyState>
  );
}
