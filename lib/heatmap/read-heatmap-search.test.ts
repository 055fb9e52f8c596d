import { test } from "node:test";
import assert from "node:assert/strict";
import { heatmapSearch, readHeatmapSearch, toHeatmapQueryString } from "@/lib/heatmap/read-heatmap-search";

const defaults = { sort: "score", dir: "asc", page: 1, size: 50 };

test("[OVERVIEW] heatmap URL state: defaults stay out of the URL, the rest round-trips in a stable order", () => {
  const table: [string, Record<string, unknown>, string][] = [
    ["", defaults, ""],
    ["team=&q=", defaults, ""],
    [
      "page=2&factor=config&team=team-data",
      { ...defaults, team: "team-data", factor: "config", page: 2 },
      "team=team-data&factor=config&page=2",
    ],
    ["sort=logs&dir=desc&q=api", { ...defaults, q: "api", sort: "logs", dir: "desc" }, "q=api&sort=logs&dir=desc"],
    ["grade=N%2FA&source=demo", { ...defaults, grade: "N/A", source: "demo" }, "source=demo&grade=N%2FA"],
    ["size=10&page=2", { ...defaults, page: 2, size: 10 }, "page=2&size=10"],
    ["size=50", defaults, ""],
    [
      "q=x&check=readsPortFromEnv&factor=port-binding",
      { ...defaults, factor: "port-binding", check: "readsPortFromEnv", q: "x" },
      "factor=port-binding&check=readsPortFromEnv&q=x",
    ],
    ["grade=B&kind=grpc&team=team-shop", { ...defaults, team: "team-shop", kind: "grpc", grade: "B" }, "team=team-shop&kind=grpc&grade=B"],
    ["kind=datastore", { ...defaults, kind: "datastore" }, "kind=datastore"],
  ];
  for (const [input, expected, output] of table) {
    const search = readHeatmapSearch(new URLSearchParams(input));
    assert.deepEqual(search, expected, input);
    assert.equal(toHeatmapQueryString(search), output, input);
  }
});

test("[OVERVIEW] a hand-edited link with an invalid value shows the plain heatmap; the API refuses it", () => {
  for (const input of [
    "sort=nope",
    "page=0",
    "dir=up",
    "factor=typo",
    "grade=Z",
    "check=%27%3B--",
    "size=7",
    "size=1000",
    "kind=lambda",
    "kind=GRPC",
  ]) {
    assert.deepEqual(readHeatmapSearch(new URLSearchParams(input)), defaults, input);
    assert.equal(heatmapSearch.safeParse(Object.fromEntries(new URLSearchParams(input))).success, false, input);
  }
  assert.deepEqual(readHeatmapSearch({ team: ["a", "b"], page: "3" }), { ...defaults, team: "a", page: 3 });
});
