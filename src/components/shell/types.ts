/** What the app shell shows of the signed-in rep and of the events they can switch to. */
export type ShellUser = { name: string | null; email: string; image: string | null; role: "ADMIN" | "REP" };
export type EventOption = { id: string; name: string; city: string | null; startDate: string };
