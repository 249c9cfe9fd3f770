/** The look every form control shares (input, textarea, select): border, surface, text size, focus ring, disabled state. */
export const controlClass = "w-full rounded-md border border-input bg-card text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50";
