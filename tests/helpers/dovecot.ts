import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { createServer, connect } from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real IMAP server for the mailbox-sync tests: Debian's dovecot-imapd started with a
 * throwaway configuration (its own base_dir and state, a passwd-file with the test users, a
 * loopback port, maildirs in a temp folder owned by `nobody`). Dovecot must be started as
 * root (it drops privileges to its own users). Missing dovecot: the tests are skipped with a
 * loud warning locally and fail under CI=true (.ci/run installs dovecot-imapd).
 */
export const DOVECOT_BINARY = "/usr/sbin/dovecot";

export function dovecotAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(DOVECOT_BINARY)) return { ok: false, reason: `${DOVECOT_BINARY} not found (apt-get install -y dovecot-imapd)` };
  if (process.getuid?.() !== 0) return { ok: false, reason: "dovecot must be started as root" };
  for (const user of ["dovecot", "dovenull", "nobody"]) {
    if (spawnSync("id", [user]).status !== 0) return { ok: false, reason: `the system user ${user} is missing (reinstall dovecot-imapd)` };
  }
  return { ok: true };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    if (open === up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot port ${port} did not ${up ? "open" : "close"} in time`);
}

export type Dovecot = { host: string; port: number; users: Record<string, string>; stop: () => Promise<void> };

export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "eventops-dovecot-"));
  chmodSync(dir, 0o755);
  const [run, state, mail] = ["run", "state", "mail"].map((d) => path.join(dir, d));
  for (const d of [run, state, mail]) mkdirSync(d);
  const nobody = spawnSync("id", ["-u", "nobody"]).stdout.toString().trim();
  const nogroup = spawnSync("id", ["-g", "nobody"]).stdout.toString().trim();
  chownSync(mail, Number(nobody), Number(nogroup));
  writeFileSync(path.join(dir, "passwd"), Object.entries(users).map(([u, p]) => `${u}:{PLAIN}${p}::::::\n`).join(""));
  const port = await freePort();
  const config = path.join(dir, "dovecot.conf");
  writeFileSync(config, `
protocols = imap
listen = 127.0.0.1
base_dir = ${run}
state_dir = ${state}
instance_name = eventops-test-${path.basename(dir)}
log_path = ${path.join(dir, "dovecot.log")}
ssl = no
disable_plaintext_auth = no
auth_failure_delay = 0
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${path.join(dir, "passwd")}
}
userdb {
  driver = static
  args = uid=${nobody} gid=${nogroup} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`);
  // Check the configuration first (its errors on stderr), then start: the daemon keeps no pipe
  // of ours open (stdio ignored), or spawnSync would wait for it forever.
  const checked = spawnSync(DOVECOT_BINARY, ["-c", config, "-n"], { encoding: "utf8", timeout: 10_000 });
  if (checked.status !== 0) throw new Error(`dovecot rejected its test configuration: ${checked.stderr || checked.stdout}`);
  const started = spawnSync(DOVECOT_BINARY, ["-c", config], { stdio: "ignore", timeout: 10_000 });
  if (started.status !== 0) {
    const log = existsSync(path.join(dir, "dovecot.log")) ? readFileSync(path.join(dir, "dovecot.log"), "utf8").slice(-2000) : "";
    throw new Error(`dovecot did not start (exit ${started.status}): ${log}`);
  }
  await waitForPort(port, true);
  return {
    host: "127.0.0.1",
    port,
    users,
    stop: async () => {
      const pidFile = path.join(run, "master.pid");
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, "utf8").trim()), "SIGTERM");
        } catch {
          // already gone
        }
        await waitForPort(port, false).catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
