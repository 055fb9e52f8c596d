import assert from "node:assert/strict";
import { it } from "node:test";
import { mapGroupsToRole, parseRoleGroups } from "@/lib/auth/map-groups-to-role";
import { InvalidEnvironmentError } from "@/lib/env";

const CONFIG = "admin=platform-admins, sre; maintainer=eng-leads; maintainer:payments,search=payments-leads; maintainer:web=web-leads";

it("maps groups to the highest role any of them names, viewer when none does", () => {
  for (const [groups, expected] of [
    [["sre"], { role: "admin" }],
    [["eng-leads", "platform-admins"], { role: "admin" }],
    [["eng-leads"], { role: "maintainer" }],
    [["payments-leads", "eng-leads"], { role: "maintainer" }],
    [["payments-leads"], { role: "maintainer", teams: ["payments", "search"] }],
    [["web-leads", "payments-leads"], { role: "maintainer", teams: ["payments", "search", "web"] }],
    [["everyone"], { role: "viewer" }],
    [[], { role: "viewer" }],
  ] as const)
    assert.deepEqual(mapGroupsToRole({ groups, roleGroups: CONFIG }), expected, groups.join(","));
  assert.deepEqual(mapGroupsToRole({ groups: ["sre"], roleGroups: "" }), { role: "viewer" }, "no mapping: everyone reads");
});

it("refuses a DOZEN_ROLE_GROUPS it cannot read, naming the variable and the entry", () => {
  for (const bad of ["owner=x", "admin", "admin=", "viewer:payments=x", "maintainer:=x"]) {
    assert.throws(
      () => parseRoleGroups({ roleGroups: bad }),
      (e: unknown) => e instanceof InvalidEnvironmentError && e.message.includes("DOZEN_ROLE_GROUPS") && e.message.includes(bad),
      bad,
    );
  }
});
