/** One field of the "Add account" / "Add person" form (new-record-button and its lazily loaded dialog). */
export type RecordField = {
  name: string;
  label: string;
  type?: "text" | "email" | "url" | "number";
  required?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
};
