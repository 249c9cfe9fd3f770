import type { Metadata } from "next";
import { Search } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Research" };

export default function Page() {
  return <NotYetAvailable title="Research" icon={Search} what="A research queue that builds a dossier for every account." />;
}
