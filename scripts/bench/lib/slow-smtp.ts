/**
 * A real SMTP server on loopback (`smtp-server`) that answers each message after a random
 * 50–150 ms — a remote mail server's think time — and remembers every message it accepted:
 * which outreach it was (our Message-ID is `<outreachId.random@domain>`), to whom, and when.
 * The benchmark counts at this server, not in the app: a message the app sent twice arrives
 * twice here.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMessage = { outreachId: string | null; to: string; at: number };

export async function startSlowSmtpServer(options: { minMs: number; maxMs: number }) {
  const received: ReceivedMessage[] = [];
  let connections = 0;
  let peakConnections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 1_000,
    onConnect(_session, callback) {
      connections++;
      peakConnections = Math.max(peakConnections, connections);
      callback();
    },
    onClose() {
      connections--;
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const outreachId = /^Message-ID:\s*<([^.>]+)\./im.exec(raw)?.[1] ?? null;
        const delay = options.minMs + Math.random() * (options.maxMs - options.minMs);
        // Accepted when the answer goes out, as a real server's queue takes it.
        setTimeout(() => {
          received.push({ outreachId, to: session.envelope.rcptTo[0]?.address ?? "", at: Date.now() });
          callback();
        }, delay);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    peakConnections: () => peakConnections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SlowSmtpServer = Awaited<ReturnType<typeof startSlowSmtpServer>>;
