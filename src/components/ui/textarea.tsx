import { styledControl } from "@/components/ui/control";

export const Textarea = styledControl("textarea", "flex min-h-24 px-3 py-2 placeholder:text-muted-foreground");
