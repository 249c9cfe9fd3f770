import { styledControl } from "@/components/ui/control";

export const Input = styledControl("input", "flex h-9 px-3 py-1 placeholder:text-muted-foreground");
