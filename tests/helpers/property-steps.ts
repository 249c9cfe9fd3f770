import type { Actor } from "@/server/access/actor";
import { AppError } from "@/server/http/errors";
import { deletePerson } from "@/server/people/service";
import { erasePerson } from "@/server/privacy/erasure";
import { purgeDeletion, restoreDeletion } from "@/server/trash/service";

/**
 * Runs a property test's steps in order. A write the services refuse (a conflict, a rule, a
 * missing record) changes nothing, so it is still a valid step; any other error fails the run.
 */
export async function runSteps<W, Op>(world: W, ops: Op[], run: (world: W, op: Op) => Promise<void>): Promise<void> {
  for (const op of ops) {
    try {
      await run(world, op);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
}

/** The Trash and erasure steps the property tests share, through the real services. */
export const TRASH_STEPS = ["person.delete", "trash.restore", "trash.purge", "person.erase"] as const;
export type TrashStep = (typeof TRASH_STEPS)[number];

/**
 * One of them on the chosen person or deletion (either may be missing: then nothing happens). A
 * person moved to the Trash adds its deletion to `deletions`, for a later restore or purge.
 */
export async function runTrashStep(step: TrashStep, actor: Actor, chosen: { person?: string; deletion?: string; deletions: string[] }): Promise<void> {
  switch (step) {
    case "person.delete":
      if (chosen.person) chosen.deletions.push((await deletePerson(chosen.person, actor)).deletionId);
      return;
    case "trash.restore":
      if (chosen.deletion) await restoreDeletion(chosen.deletion, actor);
      return;
    case "trash.purge":
      if (chosen.deletion) await purgeDeletion(chosen.deletion, actor);
      return;
    case "person.erase":
      if (chosen.person) await erasePerson(actor, chosen.person, "request");
      return;
  }
}
