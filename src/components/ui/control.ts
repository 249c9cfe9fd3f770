import { createElement, type ComponentProps, type ReactElement } from "react";
import { cn } from "@/lib/utils";

/** The look every form control shares (input, textarea, select): border, surface, text size, focus ring, disabled state. */
const controlClass = "w-full rounded-md border border-input bg-card text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50";

/**
 * A native form control with the shared look plus its own (`look`: height, padding, placeholder);
 * the caller's className comes last and wins. Input, NativeSelect and Textarea are made here.
 */
export function styledControl<T extends "input" | "select" | "textarea">(tag: T, look: string): (props: ComponentProps<T>) => ReactElement {
  return function StyledControl(props) {
    return createElement(tag, { ...props, className: cn(controlClass, look, (props as { className?: string }).className) });
  };
}
