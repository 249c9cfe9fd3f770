import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Vitest's order, except that the slowest single file starts first. By default each project runs
 * after the other, and on a fresh clone (no timing cache) a project's files keep their path order,
 * so the unit project's ReDoS check (~28 s, one file, one worker) ran last and alone while the
 * other worker sat idle. Started first, it runs beside the integration files.
 */
const START_FIRST = ["tests/unit/regex-safety.test.ts"];

export default class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification) => START_FIRST.some((path) => spec.moduleId.endsWith(path));
    return [...sorted.filter(first), ...sorted.filter((spec) => !first(spec))];
  }
}
