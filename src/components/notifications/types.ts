/** A rep's notifications as the bell fetches them and its menu lists them. */
export type NotificationItem = { id: string; type: string; title: string; body: string | null; href: string; readAt: string | null; createdAt: string };
export type NotificationListing = { items: NotificationItem[]; unread: number };
