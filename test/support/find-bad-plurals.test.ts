import assert from "node:assert/strict";
import { test } from "node:test";
import { findBadPlurals } from "@/test/support/find-bad-plurals";

test("bad plurals are caught, right ones pass", () => {
  const table: [string, boolean][] = [
    ["3 workload(s) declare ports no Service exposes.", true],
    ["2 difference(es) between the repository and the cluster.", true],
    ["3 dependencys installed or imported without a manifest entry.", true],
    ["Sticky sessions through 2 proxys.", true],
    ["2 matchs, 2 boxs.", true],
    ["Hard-coded port (1 places).", true],
    ["2 file is missing.", true],
    ["3 dependencies installed or imported without a manifest entry.", false],
    ["Hard-coded port (1 place).", false],
    ["1 file lacks /x/; 2 keys and 2 gateways; 1 process passes.", false],
    ["Hard-coded port (12 places): sys.exit and 1 class.", false],
    ["Node 1 has a taint; the checks (see readme).", false],
  ];
  for (const [message, bad] of table) assert.equal(findBadPlurals(message).length > 0, bad, message);
});
