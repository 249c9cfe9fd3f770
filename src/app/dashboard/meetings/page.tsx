import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import { NotYetAvailable } from "@/components/ui/coming-later";

export const metadata: Metadata = { title: "Meetings" };

export default function Page() {
  return <NotYetAvailable title="Meetings" icon={CalendarDays} what="Booth meetings with calendar invites, conflicts caught before saving." />;
}
