import { styledControl } from "@/components/ui/control";

/** A styled native <select>: works with plain GET forms and on phones (native picker). */
export const NativeSelect = styledControl("select", "flex h-9 px-2.5 py-1");
