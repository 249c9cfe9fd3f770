/** Days a deleted account or person stays in the Trash before it is purged (server and UI). */
export const TRASH_DAYS = 30;
