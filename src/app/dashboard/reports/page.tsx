import type { Metadata } from "next";
import { FileText } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Reports" };

export default function Page() {
  return <NotYetAvailable title="Reports" icon={FileText} what="Event reports with a PDF download and a report builder." />;
}
