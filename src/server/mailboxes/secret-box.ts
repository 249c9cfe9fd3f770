import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/server/env";
import { AppError } from "@/server/http/errors";

/**
 * The app passwords of connected mailboxes are stored encrypted: AES-256-GCM under
 * MAILBOX_ENCRYPTION_KEY (32 bytes, base64 or hex, from the environment, never in the
 * database). Stored as `v1:<iv>:<tag>:<ciphertext>` (base64url). The mailbox id is bound in as
 * associated data, so a secret copied onto another mailbox row does not decrypt.
 */
function key(): Buffer {
  const raw = env().MAILBOX_ENCRYPTION_KEY;
  if (!raw) throw new AppError("conflict", "Mailbox sync needs MAILBOX_ENCRYPTION_KEY (32 random bytes, e.g. `openssl rand -base64 32`) in the server's environment");
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (bytes.length !== 32) throw new AppError("conflict", "MAILBOX_ENCRYPTION_KEY must be 32 bytes, written as base64 or hex");
  return bytes;
}

export function mailboxEncryptionReady(): boolean {
  try {
    key();
    return true;
  } catch {
    return false;
  }
}

export function sealSecret(plain: string, mailboxId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(mailboxId));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(":");
}

/** The password, or null when it cannot be read (another key, a damaged value). */
export function openSecret(sealed: string, mailboxId: string): string | null {
  const [version, iv, tag, body] = sealed.split(":");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(mailboxId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
