import type { KeyboardEvent } from "react";

/**
 * A form's Enter key (and a phone keyboard's "Next"): it moves to the next field, and only on the
 * last field does it submit — so a half-filled form is never sent by accident. Shift+Enter still
 * makes a new line in a text area. Put it on the <form>'s onKeyDown.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
  if (target instanceof HTMLInputElement && ["checkbox", "radio", "submit", "button"].includes(target.type)) return;
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>("input, select, textarea")].filter(
    (el) => !(el as HTMLInputElement).disabled && (el as HTMLInputElement).type !== "hidden" && el.offsetParent !== null,
  );
  const index = fields.indexOf(target);
  event.preventDefault();
  if (index >= 0 && index < fields.length - 1) fields[index + 1].focus();
  else event.currentTarget.requestSubmit();
}
