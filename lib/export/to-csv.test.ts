import { test } from "node:test";
import assert from "node:assert/strict";
import { toCsv } from "@/lib/export/to-csv";

test("quotes fields with commas, quotes and line breaks, and leaves empty cells for null", () => {
  const csv = toCsv({
    columns: ["name", "note", "score"],
    rows: [
      ["a,b", 'say "hi"', 12.5],
      ["line\nbreak", null, undefined],
    ],
  });
  assert.equal(csv, 'name,note,score\r\n"a,b","say ""hi""",12.5\r\n"line\nbreak",,\r\n');
});

test("defuses spreadsheet formulas coming from scanned text but keeps negative numbers", () => {
  const csv = toCsv({
    columns: ["snippet", "delta"],
    rows: [
      ['=HYPERLINK("x")', -3],
      ["@cmd", 0],
    ],
  });
  assert.equal(csv, 'snippet,delta\r\n"\'=HYPERLINK(""x"")",-3\r\n\'@cmd,0\r\n');
});
