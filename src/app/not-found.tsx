import Link from "next/link";
import { SearchX } from "lucide-react";
import { MessageCard, MessagePage } from "@/components/ui/message-card";

export default function NotFound() {
  return (
    <MessagePage>
      <MessageCard icon={SearchX} tone="muted">
        <h1 className="text-lg font-semibold">Page not found</h1>
        <p className="mt-1 text-sm text-muted-foreground">The page you asked for does not exist or was removed.</p>
        <Link href="/dashboard" className="mt-6 inline-block text-sm font-medium text-primary underline">Go to dashboard</Link>
      </MessageCard>
    </MessagePage>
  );
}
