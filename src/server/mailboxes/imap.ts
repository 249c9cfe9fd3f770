import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ImapFlow } from "imapflow";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { isPublicAddress } from "@/server/research/ip-policy";

/**
 * Talking to a mailbox over IMAP (imapflow). In production EventOps only connects to public
 * addresses on the IMAP ports (143 with STARTTLS, 993 with TLS), so a mailbox setting cannot be
 * used to reach the servers next to it; the host is resolved once and that address is the one
 * dialled (the name is kept for TLS), so a DNS answer cannot change between check and use.
 */
export type ImapTarget = { host: string; port: number; secure: boolean; username: string; password: string };

const IMAP_PORTS = new Set([143, 993]);

async function resolveTarget(host: string, port: number): Promise<string> {
  let address: string;
  try {
    address = isIP(host) ? host : (await lookup(host)).address;
  } catch {
    throw new AppError("validation_error", `${host} could not be found: check the IMAP server name`, [{ path: "host", message: "Unknown host" }]);
  }
  if (env().NODE_ENV === "production") {
    if (!isPublicAddress(address)) throw new AppError("validation_error", `${host} is not a public address; EventOps only connects to mail servers on the internet`, [{ path: "host", message: "Not a public address" }]);
    if (!IMAP_PORTS.has(port)) throw new AppError("validation_error", "Use the IMAP port 993 (TLS) or 143 (STARTTLS)", [{ path: "port", message: "Not an IMAP port" }]);
  }
  return address;
}

/** An open, logged-in client; the caller logs out. Errors come back as sentences a rep can act on. */
export async function openImap(target: ImapTarget): Promise<ImapFlow> {
  const address = await resolveTarget(target.host, target.port);
  const client = new ImapFlow({
    host: address, port: target.port, secure: target.secure, servername: isIP(target.host) ? undefined : target.host,
    auth: { user: target.username, pass: target.password },
    logger: false, disableAutoIdle: true, connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 60_000,
    // Loopback test servers have no certificate; anything else must have a valid one.
    tls: { rejectUnauthorized: env().NODE_ENV === "production" || !["127.0.0.1", "::1"].includes(address) },
    clientInfo: { name: "EventOps" },
  });
  client.on("error", () => undefined); // socket errors after connect surface through the pending command
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw describeImapError(error, target.host);
  }
  return client;
}

export function describeImapError(error: unknown, host: string): AppError {
  if (error instanceof AppError) return error;
  const e = error as { authenticationFailed?: boolean; code?: string; responseText?: string; message?: string };
  if (e.authenticationFailed) return new AppError("validation_error", `${host} refused the user name or app password`, [{ path: "password", message: "Refused by the server" }]);
  if (e.code === "ECONNREFUSED") return new AppError("validation_error", `${host} refused the connection on that port`, [{ path: "port", message: "Connection refused" }]);
  if (e.code === "CONNECT_TIMEOUT" || e.code === "GREETING_TIMEOUT" || e.code === "ETIMEDOUT" || e.code === "ETIMEOUT") return new AppError("validation_error", `${host} did not answer in time`, [{ path: "host", message: "Timed out" }]);
  if (e.code === "NotFound" || /doesn't exist|not found|nonexistent/i.test(e.responseText ?? "")) return new AppError("validation_error", "That folder does not exist in this mailbox", [{ path: "folder", message: "No such folder" }]);
  if (/certificate|self.signed|TLS|SSL/i.test(e.message ?? "")) return new AppError("validation_error", `The secure connection to ${host} failed (${(e.message ?? "TLS error").slice(0, 120)})`, [{ path: "secure", message: "TLS failed" }]);
  return new AppError("validation_error", `Could not talk to ${host}: ${(e.responseText ?? e.message ?? "unknown error").slice(0, 200)}`);
}
