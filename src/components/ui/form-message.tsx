/** The one line of feedback under a form or a list action: an error (announced at once) or a confirmation. */
export type FormMessageValue = { kind: "error" | "ok"; text: string } | null;

export function FormMessage({ message }: { message: FormMessageValue }) {
  if (!message) return null;
  return (
    <p role={message.kind === "error" ? "alert" : "status"} className={message.kind === "error" ? "rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive" : "rounded-md bg-success/10 px-3 py-2 text-sm text-success"}>
      {message.text}
    </p>
  );
}
