import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Analytics" };

export default function Page() {
  return <NotYetAvailable title="Analytics" icon={BarChart3} what="Engagement heatmaps and the best times to send." />;
}
