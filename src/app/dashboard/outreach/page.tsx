import type { Metadata } from "next";
import { Mail } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Outreach" };

export default function Page() {
  return <NotYetAvailable title="Outreach" icon={Mail} what="Write, personalise and send outreach, with open, click and reply tracking." />;
}
