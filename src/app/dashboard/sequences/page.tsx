import type { Metadata } from "next";
import { Workflow } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Sequences" };

export default function Page() {
  return <NotYetAvailable title="Sequences" icon={Workflow} what="Multi-step sequences that send each step when it is due." />;
}
