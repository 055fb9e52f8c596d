import assert from "node:assert/strict";
import { it } from "node:test";
import { readAnnotationExemptions, readConfigExemptions } from "@/lib/facts/declared-exemptions";

const config = (text: string) => ({ repoConfig: { path: "dozen.yaml", text }, service: { name: "api", path: "services/api" } });
const workload = (annotations: Record<string, string>) => [{ kind: "Deployment" as const, namespace: "shop", name: "api", annotations }];

it("dozen.yaml exemptions: entries for every service or this one, with clear problems for malformed ones", () => {
  const found = readConfigExemptions(
    config(`
exemptions:
  - check: readsPortFromEnv
    kind: not-applicable
    reason: The platform fixes the port
  - check: handlesSigterm
    reason: Drained by the mesh
    expires: 2027-01-31
    service: api
  - check: logsToStdout
    reason: other service
    expires: 2027-01-31
    service: worker
  - check: pinsDependencies
    reason: no expiry
  - check: scalesByReplicas
    reason: r
    kind: wontfix
  - check: usesBackingServices
    reson: typo
  - just a string
  - check: handlesSigterm
    kind: false-positive
    reason: twice
`),
  );
  assert.deepEqual(found.exemptions, [
    {
      key: "yaml:readsPortFromEnv",
      checkId: "readsPortFromEnv",
      kind: "not-applicable",
      reason: "The platform fixes the port",
      expires: null,
      location: "dozen.yaml",
    },
    {
      key: "yaml:handlesSigterm",
      checkId: "handlesSigterm",
      kind: "accepted-risk",
      reason: "Drained by the mesh",
      expires: "2027-01-31",
      location: "dozen.yaml",
    },
  ]);
  assert.deepEqual(found.problems, [
    "dozen.yaml exemptions[3]: an accepted risk needs an expiry (YYYY-MM-DD)",
    "dozen.yaml exemptions[4]: `kind` must be false-positive, accepted-risk or not-applicable",
    "dozen.yaml exemptions[5]: unknown key `reson`",
    "dozen.yaml exemptions[6]: an entry with check, kind, reason, expires",
    "dozen.yaml: handlesSigterm is exempted twice; the first entry counts",
  ]);
  assert.deepEqual(readConfigExemptions(config("exemptions: yes")).problems, ["dozen.yaml exemptions: a list of entries"]);
  assert.deepEqual(readConfigExemptions(config("rules: {}")), { exemptions: [], problems: [] });
  assert.deepEqual(
    readConfigExemptions(config("exemptions: [: bad")),
    { exemptions: [], problems: [] },
    "the config's own parse reports it",
  );
});

it("dozen.dev/exempt.<checkId> annotations: '<reason>; expires=YYYY-MM-DD', errors that say how to write it", () => {
  const found = readAnnotationExemptions({
    from: "cluster",
    workloads: workload({
      "dozen.dev/exempt.handlesSigterm": "Drained by the mesh; expires=2027-02-01",
      "dozen.dev/exempt.readsPortFromEnv": "Fixed by the chart ; kind=not-applicable",
      "dozen.dev/exempt.logsToStdout": "no date",
      "dozen.dev/exempt.scalesByReplicas": "r; expires=31/01/2027",
      "dozen.dev/exempt.pinsDependencies": "r; until=2027-01-01",
      "dozen.dev/exempt.": "r; expires=2027-01-01",
      "dozen.dev/owner": "team-x",
    }),
  });
  assert.deepEqual(found.exemptions, [
    {
      key: "cluster:shop/Deployment/api:handlesSigterm",
      checkId: "handlesSigterm",
      kind: "accepted-risk",
      reason: "Drained by the mesh",
      expires: "2027-02-01",
      location: "shop/Deployment/api",
    },
    {
      key: "cluster:shop/Deployment/api:readsPortFromEnv",
      checkId: "readsPortFromEnv",
      kind: "not-applicable",
      reason: "Fixed by the chart",
      expires: null,
      location: "shop/Deployment/api",
    },
  ]);
  const hint = '(write "<reason>; expires=YYYY-MM-DD")';
  assert.deepEqual(found.problems, [
    `shop/Deployment/api annotation dozen.dev/exempt.logsToStdout: an accepted risk needs an expiry (YYYY-MM-DD) ${hint}`,
    `shop/Deployment/api annotation dozen.dev/exempt.scalesByReplicas: \`expires\` must be a day, YYYY-MM-DD ${hint}`,
    `shop/Deployment/api annotation dozen.dev/exempt.pinsDependencies: "until=2027-01-01" is not expires=YYYY-MM-DD or kind=… ${hint}`,
    `shop/Deployment/api annotation dozen.dev/exempt.: \`check\` must be a check id such as handlesSigterm ${hint}`,
  ]);
});
