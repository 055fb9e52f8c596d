import { it } from "node:test";
import assert from "node:assert/strict";
import { GET as heatmap } from "@/app/api/heatmap/route";
import { GET as scans } from "@/app/api/scans/route";
import { POST as sources } from "@/app/api/sources/route";
import { readOffset } from "@/lib/api/page-position";
import { serviceListQuery } from "@/lib/api/schemas/services";

const movedTo = (response: Response) => {
  assert.equal(response.status, 308, "permanent, and the method and body stay");
  return response.headers.get("location") ?? "";
};

it("the old heatmap route sends its page to GET /api/v1/services: same filters and sort, size as limit, page as cursor", () => {
  const location = movedTo(heatmap(new Request("http://dozen.test/api/heatmap?team=team-commerce&factor=config&sort=name&page=3&size=25")));
  const url = new URL(location, "http://dozen.test");
  assert.equal(url.pathname, "/api/v1/services");
  const query = serviceListQuery.parse(Object.fromEntries(url.searchParams));
  assert.deepEqual([query.team, query.factor, query.sort, query.limit], ["team-commerce", "config", "name", 25]);
  assert.equal(readOffset(query.cursor), 50, "page 3 of 25 starts at the 51st service");
  assert.equal(movedTo(heatmap(new Request("http://dozen.test/api/heatmap"))), "/api/v1/services?limit=50");
});

it("the old scans list and add-source routes move to their v1 routes", () => {
  assert.equal(movedTo(scans(new Request("http://dozen.test/api/scans?limit=5"))), "/api/v1/scans?limit=5");
  assert.equal(movedTo(sources()), "/api/v1/sources");
});
