import type { Metadata } from "next";
import { Building2 } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Accounts" };

export default function Page() {
  return <NotYetAvailable title="Accounts" icon={Building2} what="Filter, sort and work your target accounts with ICP scores, dossiers and ROI." />;
}
