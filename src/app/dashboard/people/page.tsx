import type { Metadata } from "next";
import { Users } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "People" };

export default function Page() {
  return <NotYetAvailable title="People" icon={Users} what="Every contact at your target accounts, with personas, scores and talking points." />;
}
