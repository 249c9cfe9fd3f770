import { createHash } from "node:crypto";
import { prisma, type DbTx } from "@/server/db";
import { erasurePepper } from "@/server/env";
import { AppError } from "@/server/http/errors";
import { normalizeName } from "@/lib/normalize";

/**
 * What erasure leaves behind: a peppered SHA-256 of the person's normalised email address, or —
 * for a record that had no address — of their normalised name and company. The hash cannot be
 * turned back into the address, but the same address hashes to the same value, so every way a
 * person enters EventOps (import, manual add, booth capture, booking page, inbound mail) asks
 * `assertNotErased` first and refuses with a sentence the rep (or the prospect) reads.
 */

export type PersonIdentity = { email?: string | null; name?: string | null; company?: string | null };

export type TombstoneKey = { kind: "email" | "name_company"; hash: string };

function hash(pepper: string, value: string): string {
  return createHash("sha256").update(`${pepper}\u0000${value}`).digest("hex");
}

function normalizedEmail(email: string | null | undefined): string | null {
  const value = email?.trim().toLowerCase();
  return value ? value : null;
}

function nameCompanyKey(name: string | null | undefined, company: string | null | undefined): string | null {
  const person = name ? normalizeName(name) : "";
  const org = company ? normalizeName(company) : "";
  return person && org ? `${person}|${org}` : null;
}

/** The tombstone an erased identity leaves: the address when there is one, else name + company. */
export function tombstoneFor(identity: PersonIdentity, pepper: string): TombstoneKey | null {
  const email = normalizedEmail(identity.email);
  if (email) return { kind: "email", hash: hash(pepper, `email:${email}`) };
  const key = nameCompanyKey(identity.name, identity.company);
  return key ? { kind: "name_company", hash: hash(pepper, `name:${key}`) } : null;
}

/** Every tombstone an incoming identity could match (its address and its name + company). */
function candidateHashes(identity: PersonIdentity, pepper: string): string[] {
  const hashes: string[] = [];
  const email = normalizedEmail(identity.email);
  if (email) hashes.push(hash(pepper, `email:${email}`));
  const key = nameCompanyKey(identity.name, identity.company);
  if (key) hashes.push(hash(pepper, `name:${key}`));
  return hashes;
}

/** The tombstone this identity matches, if any. */
export async function findTombstone(identity: PersonIdentity, db: DbTx = prisma) {
  const pepper = erasurePepper();
  if (!pepper) return null; // no pepper → no tombstone was ever written
  const hashes = candidateHashes(identity, pepper);
  if (hashes.length === 0) return null;
  return db.erasureTombstone.findFirst({ where: { hash: { in: hashes } }, select: { kind: true, createdAt: true } });
}

export const ERASED_MESSAGE =
  "This person asked us to erase their data, so EventOps will not add them again. If they contact you again and want to be added, they must give consent first — ask an admin.";

/** What the public booking page says to someone who asked to be erased (no rep reads it). */
export const ERASED_BOOKING_MESSAGE =
  "We can't book a meeting for this address: its owner asked us to erase their data. To meet us, write to us and we will ask for your consent first.";

/** Refuses (409) to bring back someone who was erased. */
export async function assertNotErased(identity: PersonIdentity, db: DbTx = prisma, message = ERASED_MESSAGE): Promise<void> {
  if (await findTombstone(identity, db)) throw new AppError("conflict", message, { code: "erased_person" });
}

/** For batch work (imports): which of these identities are erased, by their index. */
export async function erasedIdentities(identities: readonly PersonIdentity[], db: DbTx = prisma): Promise<Set<number>> {
  const pepper = erasurePepper();
  const erased = new Set<number>();
  if (!pepper || identities.length === 0) return erased;
  const byHash = new Map<string, number[]>();
  identities.forEach((identity, index) => {
    for (const h of candidateHashes(identity, pepper)) byHash.set(h, [...(byHash.get(h) ?? []), index]);
  });
  const found = await db.erasureTombstone.findMany({ where: { hash: { in: [...byHash.keys()] } }, select: { hash: true } });
  for (const { hash: h } of found) for (const index of byHash.get(h) ?? []) erased.add(index);
  return erased;
}
