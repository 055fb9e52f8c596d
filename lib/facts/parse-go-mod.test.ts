import assert from "node:assert/strict";
import { test } from "node:test";
import { localGoReplaces } from "@/lib/facts/parse-go-mod";

test("a go.mod's local replacements are the repository folders of the code it compiles in", () => {
  const lines = [
    "module example.com/ww/trainer",
    "",
    "replace example.com/ww/common => ../common/",
    "replace (",
    "\texample.com/ww/genproto v0.0.0 => ../../api/protobuf // generated clients",
    "\tgolang.org/x/net => golang.org/x/net v0.25.0",
    "\texample.com/ww/vendored => ./third_party/vendored",
    ")",
    "replace example.com/outside => ../../../elsewhere",
    "// replace example.com/old => ../old",
  ];
  assert.deepEqual(localGoReplaces({ path: "internal/trainer/go.mod", lines }), [
    "internal/common",
    "api/protobuf",
    "internal/trainer/third_party/vendored",
  ]);
  assert.deepEqual(localGoReplaces({ path: "go.mod", lines: ["replace example.com/a => ../a"] }), [], "outside the repository");
});
