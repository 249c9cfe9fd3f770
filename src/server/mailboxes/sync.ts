import { randomUUID } from "node:crypto";
import type { ImapFlow } from "imapflow";
import { addressesIn } from "@/lib/utils";
import { prisma } from "@/server/db";
import { outreachIdFromAddresses } from "@/server/email/reply-token";
import { AppError } from "@/server/http/errors";
import { FORWARD_MARKER_HEADER, retryReplyForwards } from "@/server/inbound/forward";
import { MAX_INBOUND_BYTES } from "@/server/inbound/intake";
import { parseMime } from "@/server/inbound/parse";
import { receiveInboundMail } from "@/server/inbound/receive";
import { logger } from "@/server/logger";
import { describeImapError, openImap } from "./imap";
import { openSecret } from "./secret-box";

/**
 * Mailbox sync: for teams without an inbound domain, each connected IMAP mailbox is polled and
 * only the messages that thread to ours are read — a reply token in the recipients, an
 * In-Reply-To/References naming a Message-ID we sent, or a delivery report (whose quoted
 * original is then checked). Everything else in the rep's mailbox is never downloaded.
 *
 * Safe to run often and from several places at once: a run claims a mailbox with a conditional
 * update (claimedBy/claimExpiresAt) and skips one another run holds; it reads UIDs above the
 * last one seen (the first run, or a UIDVALIDITY change, looks back LOOKBACK_DAYS), and a
 * message recorded twice is a duplicate the inbound path ignores. lastUid only moves past a
 * message once it has been handled, so a failure retries it on the next run.
 */
const CLAIM_MS = 5 * 60_000;
const LOOKBACK_DAYS = 14;
const MAX_MESSAGES_PER_RUN = 500;
const HEADER_FIELDS = ["in-reply-to", "references", "to", "cc", "delivered-to", "x-original-to", "content-type", "from", FORWARD_MARKER_HEADER];

export type MailboxSyncResult = { mailboxId: string; status: "synced" | "busy" | "failed"; scanned: number; recorded: number; duplicates: number; error?: string };

function headerValues(block: Buffer | undefined): Map<string, string> {
  const map = new Map<string, string>();
  let last: string | null = null;
  for (const line of (block?.toString("utf8") ?? "").split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) map.set(last, `${map.get(last)} ${line.trim()}`);
    else {
      const i = line.indexOf(":");
      if (i <= 0) continue;
      last = line.slice(0, i).trim().toLowerCase();
      map.set(last, map.has(last) ? `${map.get(last)} ${line.slice(i + 1).trim()}` : line.slice(i + 1).trim());
    }
  }
  return map;
}

/** Which of these messages thread to ours, decided from their headers alone (oldest first). */
async function pickCandidates(client: ImapFlow, uids: number[]): Promise<number[]> {
  const seen: { uid: number; size: number; headers: Map<string, string> }[] = [];
  for await (const message of client.fetch(uids, { uid: true, size: true, headers: HEADER_FIELDS }, { uid: true })) {
    seen.push({ uid: message.uid, size: message.size ?? 0, headers: headerValues(message.headers) });
  }
  const idsOf = (m: (typeof seen)[number]) => `${m.headers.get("in-reply-to") ?? ""} ${m.headers.get("references") ?? ""}`.match(/<[^<>\s]{1,500}>/g) ?? [];
  const referenced = [...new Set(seen.flatMap(idsOf))];
  const ours = new Set(referenced.length === 0 ? [] : (await prisma.outreach.findMany({ where: { messageId: { in: referenced } }, select: { messageId: true } })).map((o) => o.messageId!));
  return seen
    .filter((m) => {
      if (m.headers.has(FORWARD_MARKER_HEADER) || m.size > MAX_INBOUND_BYTES) return false;
      if (idsOf(m).some((id) => ours.has(id))) return true;
      const recipients = ["to", "cc", "delivered-to", "x-original-to"].flatMap((h) => addressesIn(m.headers.get(h) ?? ""));
      if (outreachIdFromAddresses(recipients)) return true;
      return /multipart\/report/i.test(m.headers.get("content-type") ?? "") || /(mailer-daemon|postmaster)@/i.test(m.headers.get("from") ?? "");
    })
    .map((m) => m.uid)
    .sort((a, b) => a - b);
}

export async function syncMailbox(mailboxId: string, now = new Date()): Promise<MailboxSyncResult> {
  const worker = randomUUID();
  const claimed = await prisma.mailbox.updateMany({
    where: { id: mailboxId, disconnectedAt: null, secret: { not: null }, OR: [{ claimExpiresAt: null }, { claimExpiresAt: { lte: now } }] },
    data: { claimedBy: worker, claimExpiresAt: new Date(now.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) return { mailboxId, status: "busy", scanned: 0, recorded: 0, duplicates: 0 };
  const box = await prisma.mailbox.findUniqueOrThrow({ where: { id: mailboxId } });
  const result: MailboxSyncResult = { mailboxId, status: "synced", scanned: 0, recorded: 0, duplicates: 0 };
  let lastUid = box.lastUid;
  let uidValidity = box.uidValidity;
  let error: string | null = null;
  let client: ImapFlow | null = null;
  try {
    const password = openSecret(box.secret!, box.id);
    if (password === null) throw new AppError("conflict", "EventOps can no longer read this mailbox's password (MAILBOX_ENCRYPTION_KEY changed): connect it again");
    client = await openImap({ host: box.host, port: box.port, secure: box.secure, username: box.username, password });
    const lock = await client.getMailboxLock(box.folder, { readOnly: true });
    try {
      const opened = client.mailbox;
      if (!opened) throw new AppError("conflict", `The folder ${box.folder} could not be opened`);
      let uids: number[];
      if (uidValidity === null || uidValidity !== opened.uidValidity) {
        // First run, or the server renumbered the folder: look back a little, by date.
        const found = await client.search({ since: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000) }, { uid: true });
        uids = Array.isArray(found) ? found : [];
        uidValidity = opened.uidValidity;
        lastUid = 0;
      } else {
        // "n:*" always includes the newest message, even below n: filter.
        const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
        uids = (Array.isArray(found) ? found : []).filter((uid) => uid > lastUid);
      }
      uids = uids.sort((a, b) => a - b).slice(0, MAX_MESSAGES_PER_RUN);
      if (uids.length > 0) {
        const candidates = await pickCandidates(client, uids);
        result.scanned = uids.length;
        for (const uid of candidates) {
          try {
            const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
            if (!message || !message.source) continue;
            const outcome = await receiveInboundMail(await parseMime(message.source), { source: "imap", mailboxId: box.id, now });
            if (outcome.status === "recorded") result.recorded++;
            if (outcome.status === "duplicate") result.duplicates++;
          } catch (failure) {
            if (failure instanceof AppError && failure.code === "validation_error") continue; // unreadable mail: nothing to record
            lastUid = Math.max(lastUid, uid - 1); // handled up to here; this one is tried again next run
            throw failure;
          }
        }
        lastUid = Math.max(lastUid, uids[uids.length - 1]);
      }
    } finally {
      lock.release();
    }
  } catch (failure) {
    const described = failure instanceof AppError ? failure : describeImapError(failure, box.host);
    error = described.message;
    result.status = "failed";
    result.error = error;
    logger.warn({ err: failure, mailboxId: box.id }, "mailbox sync failed");
  } finally {
    await client?.logout().catch(() => client?.close());
    await prisma.mailbox.updateMany({
      where: { id: box.id, claimedBy: worker },
      data: {
        claimedBy: null, claimExpiresAt: null, lastUid, uidValidity, lastSyncAt: now,
        ...(error ? { lastError: error.slice(0, 500), lastErrorAt: now } : { lastError: null, lastErrorAt: null }),
      },
    });
  }
  return result;
}

/**
 * One pass over every connected mailbox, least recently synced first, within a time budget,
 * then forwards of replies that failed earlier are retried. The job engine's `mailboxes.sync`
 * task (every 5 minutes; /api/cron/mailboxes triggers it at once).
 */
export async function syncAllMailboxes(now = new Date(), timeBudgetMs = 50_000) {
  const started = Date.now();
  const boxes = await prisma.mailbox.findMany({
    where: { disconnectedAt: null, secret: { not: null } },
    orderBy: [{ lastSyncAt: { sort: "asc", nulls: "first" } }],
    select: { id: true },
    take: 200,
  });
  const summary = { mailboxes: boxes.length, synced: 0, busy: 0, failed: 0, recorded: 0, duplicates: 0, forwardsRetried: 0 };
  for (const { id } of boxes) {
    if (Date.now() - started > timeBudgetMs) break;
    const r = await syncMailbox(id, now);
    summary[r.status]++;
    summary.recorded += r.recorded;
    summary.duplicates += r.duplicates;
  }
  summary.forwardsRetried = (await retryReplyForwards(now)).retried;
  return summary;
}
