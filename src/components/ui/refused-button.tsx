import { Lock } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * A button the signed-in teammate may not use (the permission matrix says so): disabled, with
 * the sentence saying who may as its tooltip and its accessible description.
 */
export function RefusedButton({ label, reason, size = "sm" }: { label: string; reason: string; size?: "sm" | "default" }) {
  return (
    <span title={reason} className="inline-flex">
      <Button variant="outline" size={size} disabled aria-label={`${label}: ${reason}`}>
        <Lock aria-hidden /> {label}
      </Button>
    </span>
  );
}
