import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseHcl, type HclValue } from "@/lib/facts/deploy-graph/parse-hcl";

/** The value of `v = …`, or undefined when the text is not HCL. */
const valueOf = (text: string) => parseHcl({ text: `v = ${text}\n` })?.attributes.v?.value;

describe("parseHcl", () => {
  const values: [string, HclValue | undefined][] = [
    ['"plain"', "plain"],
    ['"tab\\tquote\\" nl\\n snow\\u2603"', 'tab\tquote" nl\n snow☃'],
    ['"${var.a}-${lookup(m, "k", "}")}"', '${var.a}-${lookup(m, "k", "}")}'],
    ['"%{ if x }on%{ endif }"', "%{ if x }on%{ endif }"],
    ['"literal $${HOME} and %%{x}"', "literal ${HOME} and %{x}"],
    ["42", 42],
    ["-1.5e3", -1500],
    ["true", true],
    ["null", null],
    ['[\n  "a", # first\n  2,\n]', ["a", 2]],
    ['{ a = 1, "b.c" : "x"\n  d = [true] }', { a: 1, "b.c": "x", d: [true] }],
    ["var.image", "${var.image}"],
    ['var.on ? "a" : "b"', '${var.on ? "a" : "b"}'],
    ['"a" == var.b', '${"a" == var.b}'],
    ["[for s in var.list : upper(s)]", ["${for s in var.list : upper(s)}"]],
    ['format("%s-%d", var.name, 2) # why', '${format("%s-%d", var.name, 2)}'],
    ["<<EOT\n  kept\n    as is\nEOT", "  kept\n    as is\n"],
    ["<<-EOT\n    two\n      four\n    EOT", "two\n  four\n"],
    ["", undefined],
    ['"unclosed', undefined],
    ["(1 + 2", undefined],
  ];
  for (const [text, expected] of values) it(`reads ${JSON.stringify(text)}`, () => assert.deepEqual(valueOf(text), expected));

  it("keeps each block's labels and line, attributes with theirs, and any key as a plain key", () => {
    const body = parseHcl({ text: '\n# c\nouter "a" b {\n  inner { x = 1 y = "2" }\n}\n__proto__ = 1\n' });
    assert.deepEqual(body, {
      attributes: { ["__proto__"]: { value: 1, line: 6 } },
      blocks: [
        {
          type: "outer",
          labels: ["a", "b"],
          line: 3,
          body: {
            attributes: {},
            blocks: [
              {
                type: "inner",
                labels: [],
                line: 4,
                body: { attributes: { x: { value: 1, line: 4 }, y: { value: "2", line: 4 } }, blocks: [] },
              },
            ],
          },
        },
      ],
    });
    assert.equal(Object.getPrototypeOf(body!.attributes), Object.prototype, "a `__proto__` key never changes a prototype");
  });

  it("never throws: what it cannot read is null", () => {
    for (const text of ["}", "a {", "a = ", 'a "b"', "a = [1,, 2]", "<<EOF", "\u0000\u0001", "{".repeat(100_000), 'a = "\\U0FFFFFFF"'])
      assert.equal(parseHcl({ text }), null, JSON.stringify(text.slice(0, 12)));
  });
});
