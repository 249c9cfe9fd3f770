import { z } from "zod";
import { recordActivity } from "@/server/activity/service";
import { prisma } from "@/server/db";
import { AppError } from "@/server/http/errors";
import { openImap } from "./imap";
import { mailboxEncryptionReady, sealSecret } from "./secret-box";
import { syncMailbox } from "./sync";

/**
 * Connected IMAP mailboxes. A rep connects their own mailbox; an admin connects a shared one
 * (e.g. the address outreach bounces to) and sees everyone's. The credentials are checked by
 * logging in before anything is stored, and the app password is kept only encrypted
 * (secret-box.ts). Disconnecting keeps the mailbox's history but erases the password.
 */
type Actor = { id: string; role: "ADMIN" | "REP" };

const hostName = z.string().trim().toLowerCase().min(1, "Enter the IMAP server, e.g. imap.gmail.com").max(253)
  .regex(/^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/, "Enter a server name such as imap.gmail.com");

export const connectMailboxBody = z.strictObject({
  label: z.string().trim().max(100).optional(),
  host: hostName,
  port: z.coerce.number().int().min(1).max(65_535).default(993),
  secure: z.boolean().default(true),
  username: z.string().trim().min(1, "Enter the mailbox's user name (usually the address)").max(320),
  password: z.string().min(1, "Enter the app password").max(500),
  folder: z.string().trim().min(1).max(200).regex(/^[^\r\n\0]+$/, "A folder name is one line").default("INBOX"),
  shared: z.boolean().default(false),
});

const publicSelect = {
  id: true, ownerId: true, label: true, host: true, port: true, secure: true, username: true, folder: true,
  lastSyncAt: true, lastError: true, lastErrorAt: true, createdAt: true,
  owner: { select: { id: true, name: true, email: true } },
  _count: { select: { inbound: true } },
} as const;

export type MailboxView = {
  id: string; label: string; host: string; port: number; secure: boolean; username: string; folder: string; shared: boolean;
  owner: { id: string; name: string | null; email: string } | null;
  lastSyncAt: string | null; lastError: string | null; repliesFound: number; canManage: boolean;
};

function view(row: Awaited<ReturnType<typeof findVisible>>[number], actor: Actor): MailboxView {
  const shared = row.ownerId === null;
  return {
    id: row.id, label: row.label, host: row.host, port: row.port, secure: row.secure, username: row.username, folder: row.folder, shared,
    owner: row.owner, lastSyncAt: row.lastSyncAt?.toISOString() ?? null, lastError: row.lastError, repliesFound: row._count.inbound,
    canManage: actor.role === "ADMIN" || (!shared && row.ownerId === actor.id),
  };
}

function findVisible(actor: Actor, id?: string) {
  return prisma.mailbox.findMany({
    where: { disconnectedAt: null, ...(id ? { id } : {}), ...(actor.role === "ADMIN" ? {} : { OR: [{ ownerId: actor.id }, { ownerId: null }] }) },
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    select: publicSelect,
  });
}

/** The mailboxes the actor may see (theirs and the shared ones; all for admins), and whether sync can be set up at all. */
export async function listMailboxes(actor: Actor) {
  return { encryptionReady: mailboxEncryptionReady(), items: (await findVisible(actor)).map((row) => view(row, actor)) };
}

async function manageable(id: string, actor: Actor) {
  const [row] = await findVisible(actor, id);
  if (!row) throw new AppError("not_found", "Mailbox not found");
  const v = view(row, actor);
  if (!v.canManage) throw new AppError("forbidden", v.shared ? "Only admins manage the shared mailbox" : "This is another rep's mailbox");
  return v;
}

export async function connectMailbox(body: z.infer<typeof connectMailboxBody>, actor: Actor) {
  if (body.shared && actor.role !== "ADMIN") throw new AppError("forbidden", "Only admins connect a shared mailbox");
  // A server without the key refuses plainly (409, the server's state, not an outage): no
  // input ever gets a 5xx, and nothing is stored or dialled.
  if (!mailboxEncryptionReady()) {
    throw new AppError("conflict", "Connecting mailboxes is off: the server has no valid MAILBOX_ENCRYPTION_KEY to keep app passwords encrypted. An admin adds it to the environment (see docs/DEPLOY.md)");
  }
  // Log in (and open the folder) before storing anything.
  const client = await openImap({ host: body.host, port: body.port, secure: body.secure, username: body.username, password: body.password });
  try {
    await client.mailboxOpen(body.folder, { readOnly: true }).catch(() => {
      throw new AppError("validation_error", `The folder “${body.folder}” does not exist in this mailbox`, [{ path: "folder", message: "No such folder" }]);
    });
  } finally {
    await client.logout().catch(() => client.close());
  }
  const ownerId = body.shared ? null : actor.id;
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.mailbox.create({
      data: { ownerId, label: body.label || body.username, host: body.host, port: body.port, secure: body.secure, username: body.username, folder: body.folder, createdById: actor.id },
      select: { id: true },
    });
    await tx.mailbox.update({ where: { id: row.id }, data: { secret: sealSecret(body.password, row.id) } });
    await recordActivity({
      type: "mailbox.connected", description: `${body.shared ? "Shared mailbox" : "Mailbox"} ${body.username} connected for reply sync`,
      actorId: actor.id, entityType: "mailbox", entityId: row.id, metadata: { host: body.host, shared: body.shared },
    }, tx);
    return row;
  });
  const [row] = await findVisible(actor, created.id);
  return view(row, actor);
}

export async function disconnectMailbox(id: string, actor: Actor) {
  const box = await manageable(id, actor);
  await prisma.$transaction(async (tx) => {
    await tx.mailbox.update({ where: { id }, data: { disconnectedAt: new Date(), secret: null, claimedBy: null, claimExpiresAt: null } });
    await recordActivity({
      type: "mailbox.disconnected", description: `${box.shared ? "Shared mailbox" : "Mailbox"} ${box.username} disconnected; its password was erased`,
      actorId: actor.id, entityType: "mailbox", entityId: id,
    }, tx);
  });
  return { id, disconnected: true };
}

/** "Sync now" in Settings: the same sync the cron runs, for one mailbox. */
export async function syncMailboxNow(id: string, actor: Actor, now = new Date()) {
  await manageable(id, actor);
  const result = await syncMailbox(id, now);
  if (result.status === "busy") throw new AppError("conflict", "This mailbox is being synced right now; try again in a minute");
  const [row] = await findVisible(actor, id);
  return { result, mailbox: view(row, actor) };
}
