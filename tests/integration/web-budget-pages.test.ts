import { describe, expect, it } from "vitest";
import { listAssignableTeammates } from "@/server/team/service";
import { createUser } from "../helpers/factories";

// The person page's "assigned rep" picker reads the team through listAssignableTeammates (in
// parallel with the person, instead of the accounts filter options after it).
describe("listAssignableTeammates", () => {
  it("lists active teammates by name with id, name and email only, and leaves out disabled ones", async () => {
    const tag = `wbp-${Date.now().toString(36)}`;
    const zed = await createUser({ name: `Zed ${tag}` });
    const amy = await createUser({ name: `Amy ${tag}` });
    const gone = await createUser({ name: `Gone ${tag}`, disabledAt: new Date() });

    const team = await listAssignableTeammates();
    const mine = team.filter((u) => u.name?.endsWith(tag));
    expect(mine.map((u) => u.id)).toEqual([amy.id, zed.id]);
    expect(team.some((u) => u.id === gone.id)).toBe(false);
    expect(Object.keys(mine[0]).sort()).toEqual(["email", "id", "name"]);
  });
});
