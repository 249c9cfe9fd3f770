import type { TeamActor } from "@/server/access/actor";
import { prisma, type DbTx } from "@/server/db";
import { AppError } from "@/server/http/errors";

/**
 * What a rep may do to a teammate's records: ONE matrix, written here as data and in
 * docs/SECURITY.md ("Who may change what") as a table, enforced by the services through
 * assertCan() and read by the pages through can() to hide or disable what a rep may not use.
 * tests/integration/permission-matrix.test.ts iterates it and calls the real routes.
 *
 * Four callers per record:
 *   owner    — a rep who owns the record (see each resource's `owners`)
 *   otherRep — any other rep
 *   admin    — an admin, whoever owns the record
 *   unowned  — any rep, when the record has no owner (an unassigned account or person; a shared
 *              template; a record whose owner was removed from the team)
 * Reading is open to every teammate (one workspace); what is not listed here (research,
 * rescoring, booking a meeting with someone, enrolling people, drafting) is open to every
 * teammate too: it changes nothing of another rep's.
 */

export type Caller = "owner" | "otherRep" | "admin" | "unowned";
type Rule = Readonly<Record<Caller, boolean>>;
type ActionSpec = { rule: Rule; verb: string };
type ResourceSpec = { noun: string; owners: string; actions: Readonly<Record<string, ActionSpec>> };

const ownerOrAdmin = (unowned: boolean): Rule => ({ owner: true, otherRep: false, admin: true, unowned });
const adminOnly: Rule = { owner: false, otherRep: false, admin: true, unowned: false };
const everyone: Rule = { owner: true, otherRep: true, admin: true, unowned: true };

export const PERMISSION_MATRIX = {
  account: {
    noun: "account",
    owners: "its assigned rep",
    actions: {
      edit: { rule: ownerOrAdmin(true), verb: "edit" },
      assign: { rule: ownerOrAdmin(true), verb: "reassign" },
      delete: { rule: ownerOrAdmin(false), verb: "delete" },
    },
  },
  person: {
    noun: "person",
    owners: "their assigned rep, their account's rep, and the reps whose sequences they are active in",
    actions: {
      edit: { rule: ownerOrAdmin(true), verb: "edit" },
      assign: { rule: ownerOrAdmin(true), verb: "reassign" },
      delete: { rule: ownerOrAdmin(false), verb: "delete" },
    },
  },
  outreach: {
    noun: "message",
    owners: "its sender (the rep who wrote it)",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit" },
      send: { rule: ownerOrAdmin(false), verb: "send" },
      discard: { rule: ownerOrAdmin(false), verb: "discard" },
      markReplied: { rule: ownerOrAdmin(false), verb: "mark as replied" },
    },
  },
  sequence: {
    noun: "sequence",
    owners: "the rep who created it",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit" },
      changeStatus: { rule: ownerOrAdmin(false), verb: "activate, pause or archive" },
      enroll: { rule: everyone, verb: "enroll people in" },
    },
  },
  enrollment: {
    noun: "enrollment",
    owners: "the rep who enrolled the person, and the sequence's creator",
    actions: {
      changeStatus: { rule: ownerOrAdmin(false), verb: "pause or resume" },
    },
  },
  template: {
    noun: "template",
    owners: "the rep who created it (a shared template has no owner: admins only)",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit" },
      archive: { rule: ownerOrAdmin(false), verb: "archive" },
    },
  },
  campaign: {
    noun: "campaign",
    owners: "the rep who created it",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit" },
      archive: { rule: ownerOrAdmin(false), verb: "archive" },
    },
  },
  meeting: {
    noun: "meeting",
    owners: "its rep",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit or reschedule" },
      cancel: { rule: ownerOrAdmin(false), verb: "cancel" },
      complete: { rule: ownerOrAdmin(false), verb: "complete" },
      // Booth facts: whoever is at the booth records them for the absent rep.
      checkIn: { rule: everyone, verb: "check in" },
      noShow: { rule: everyone, verb: "mark as a no-show" },
    },
  },
  import: {
    noun: "import",
    owners: "the rep who ran it",
    actions: {
      undo: { rule: ownerOrAdmin(false), verb: "undo" },
    },
  },
  task: {
    noun: "task",
    owners: "its assignee",
    actions: {
      complete: { rule: ownerOrAdmin(false), verb: "complete or skip" },
    },
  },
  report: {
    noun: "report",
    owners: "the rep who saved it",
    actions: {
      edit: { rule: ownerOrAdmin(false), verb: "edit" },
      delete: { rule: ownerOrAdmin(false), verb: "delete" },
    },
  },
  trash: {
    noun: "deleted item",
    owners: "the rep who deleted it",
    actions: {
      restore: { rule: ownerOrAdmin(false), verb: "restore" },
      purge: { rule: adminOnly, verb: "delete for good" },
    },
  },
} as const satisfies Record<string, ResourceSpec>;

export type Resource = keyof typeof PERMISSION_MATRIX;
export type Action<R extends Resource> = keyof (typeof PERMISSION_MATRIX)[R]["actions"] & string;

/** An owner of a record: the id decides, the name goes into the refusal sentence. */
export type Owner = { id: string; name: string | null; email?: string };

type Who = Pick<TeamActor, "id" | "role">;

function callerFor(actor: Who, owners: readonly Owner[]): Caller {
  if (actor.role === "ADMIN") return "admin";
  if (owners.length === 0) return "unowned";
  return owners.some((o) => o.id === actor.id) ? "owner" : "otherRep";
}

function spec<R extends Resource>(resource: R, action: Action<R>): ActionSpec {
  return (PERMISSION_MATRIX[resource].actions as Record<string, ActionSpec>)[action]!;
}

export function can<R extends Resource>(actor: Who, resource: R, action: Action<R>, owners: readonly Owner[]): boolean {
  return spec(resource, action).rule[callerFor(actor, owners)];
}

/** Why the actor may not, as the sentence the UI shows next to the disabled button (null when they may). */
export function refusalReason<R extends Resource>(actor: Who, resource: R, action: Action<R>, owners: readonly Owner[]): string | null {
  if (can(actor, resource, action, owners)) return null;
  const { verb, rule } = spec(resource, action);
  const noun = PERMISSION_MATRIX[resource].noun;
  const names = rule.owner ? [...new Set(owners.map((o) => o.name ?? o.email ?? "its owner"))] : [];
  const who = names.length === 0 ? "an admin" : `${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`} or an admin`;
  return `Only ${who} can ${verb} this ${noun}.`;
}

/** For a page: the refusal sentence of each action on a record (null where the actor may), handed to client components. */
export function refusalsFor<R extends Resource>(actor: Who, resource: R, owners: readonly Owner[]): Record<Action<R>, string | null> {
  const actions = Object.keys(PERMISSION_MATRIX[resource].actions) as Action<R>[];
  return Object.fromEntries(actions.map((action) => [action, refusalReason(actor, resource, action, owners)])) as Record<Action<R>, string | null>;
}

/** The one check the services make before changing a record (403 with the sentence, nothing changed). */
export function assertCan<R extends Resource>(actor: Who, resource: R, action: Action<R>, owners: readonly Owner[]): void {
  const reason = refusalReason(actor, resource, action, owners);
  if (reason) throw new AppError("forbidden", reason);
}

/**
 * The same check for many records at once (bulk actions): all or nothing, and the sentence names
 * the records the actor may not touch.
 */
export function assertCanEach<R extends Resource>(actor: Who, resource: R, action: Action<R>, records: readonly { name: string; owners: readonly Owner[] }[]): void {
  const refused = records.filter((r) => !can(actor, resource, action, r.owners));
  if (refused.length === 0) return;
  if (refused.length === 1) throw new AppError("forbidden", `${refused[0]!.name}: ${refusalReason(actor, resource, action, refused[0]!.owners)}`);
  const { verb } = spec(resource, action);
  const noun = PERMISSION_MATRIX[resource].noun;
  const names = refused.slice(0, 5).map((r) => r.name).join(", ") + (refused.length > 5 ? ` and ${refused.length - 5} more` : "");
  throw new AppError(
    "forbidden",
    `You can't ${verb} ${refused.length} of the selected ${noun === "person" ? "people" : `${noun}s`} (${names}): only their reps or an admin can. Nothing was changed.`,
    refused.map((r) => ({ path: "ids", message: r.name })),
  );
}

const ownerSelect = { id: true, name: true, email: true } as const;

/** The owners of a record that has one owning user (or none). */
export function ownedBy(user: Owner | null | undefined): Owner[] {
  return user ? [user] : [];
}

/**
 * The owners of people: their own rep, their account's rep, and the reps whose sequences they
 * are in (active or paused) — changing a person's address changes where those reps' mail goes.
 */
export async function peopleOwners(personIds: readonly string[], db: DbTx = prisma): Promise<Map<string, Owner[]>> {
  const people = await db.person.findMany({
    where: { id: { in: [...personIds] } },
    select: {
      id: true,
      assignedTo: { select: ownerSelect },
      account: { select: { assignedTo: { select: ownerSelect } } },
      enrollments: { where: { status: { in: ["ACTIVE", "PAUSED"] } }, select: { owner: { select: ownerSelect } } },
    },
  });
  return new Map(
    people.map((p) => {
      const all: Owner[] = [p.assignedTo, p.account?.assignedTo, ...p.enrollments.map((e) => e.owner)].filter((o) => !!o);
      return [p.id, all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i)];
    }),
  );
}

export async function personOwners(personId: string, db: DbTx = prisma): Promise<Owner[]> {
  return (await peopleOwners([personId], db)).get(personId) ?? [];
}

