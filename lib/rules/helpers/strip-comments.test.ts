import assert from "node:assert/strict";
import { test } from "node:test";
import { commentStyleFor, stripComments } from "@/lib/rules/helpers/strip-comments";

const cases: { name: string; path: string; input: string[]; expected: string[] }[] = [
  {
    name: "js line and block comments, URLs in strings kept",
    path: "a.js",
    input: ['const u = "http://x"; // app.listen(8080)', "/* app.listen(1)", "still */ go();", "`// not a comment`"],
    expected: ['const u = "http://x";                    ', "                ", "         go();", "`// not a comment`"],
  },
  {
    name: "multi-line template literal is kept",
    path: "a.ts",
    input: ["const q = `select", "// inside", "`; // gone"],
    expected: ["const q = `select", "// inside", "`;        "],
  },
  {
    name: "python hash comments, docstrings blanked, plain strings kept",
    path: "a.py",
    input: ['x = "#not"  # app.run(port=80)', '"""', "app.run(port=80)", '"""', 's = """keep', 'me"""'],
    expected: ['x = "#not"                    ', "   ", "                ", "   ", 's = """keep', 'me"""'],
  },
  {
    name: "yaml: # needs whitespace before it",
    path: "k8s/d.yaml",
    input: ["image: a#b # comment", "# whole line"],
    expected: ["image: a#b          ", "            "],
  },
  {
    name: "shell: $# is not a comment",
    path: "run.sh",
    input: ["echo $# # count", "# exec npm install"],
    expected: ["echo $#        ", "                  "],
  },
  {
    name: "xml comments across lines",
    path: "logback.xml",
    input: ["<a/><!-- <FileAppender", "x --> <b/>"],
    expected: ["<a/>                  ", "      <b/>"],
  },
  {
    name: "ruby =begin/=end blocks",
    path: "a.rb",
    input: ["=begin", "Logger.new('a.log')", "=end", "x = 1 # c"],
    expected: ["      ", "                   ", "    ", "x = 1    "],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const language = c.path.endsWith(".py")
      ? "python"
      : c.path.endsWith(".rb")
        ? "ruby"
        : c.path.endsWith(".sh")
          ? "shell"
          : /\.[jt]s$/.test(c.path)
            ? "javascript"
            : null;
    const out = stripComments(c.input, commentStyleFor({ path: c.path, language }));
    assert.deepEqual(out, c.expected);
    assert.deepEqual(
      out.map((l) => l.length),
      c.input.map((l) => l.length),
    );
  });
}
