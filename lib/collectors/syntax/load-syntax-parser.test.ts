import assert from "node:assert/strict";
import { test } from "node:test";
import { loadSyntaxParser } from "@/lib/collectors/syntax/load-syntax-parser";
import type { Language } from "@/lib/facts/types";

/** Each language's tree read by its real grammar: what a rule may rely on. */
const CASES: {
  path: string;
  language: Language;
  code: string;
  comments: number[];
  calls: string[];
  strings: [string, string | null][];
  imports: string[];
  annotations: string[];
}[] = [
  {
    path: "cmd/cart/main.go",
    language: "go",
    code: 'package main\n\nimport (\n\t"fmt"\n\tpb "acme/genproto"\n)\n\n// pb.RegisterOldServer(s, x)\nfunc main() {\n\ts := grpc.NewServer()\n\tpb.RegisterCartServiceServer(s, &cart{})\n\tfmt.Println("see http://docs//x")\n}\n',
    comments: [8],
    calls: ["grpc.NewServer", "pb.RegisterCartServiceServer", "fmt.Println"],
    // Import paths are imports, not string data.
    strings: [["see http://docs//x", "fmt.Println"]],
    imports: ["fmt", "acme/genproto"],
    annotations: [],
  },
  {
    path: "src/main/java/acme/Orders.java",
    language: "java",
    code: 'import org.springframework.web.bind.annotation.GetMapping;\n/* ds.setPassword("old"); */\n@RestController\nclass Orders {\n  @GetMapping("/v1/orders")\n  String list() { ds.setPassword("hunter2"); return new Page("x").render(); }\n}\n',
    comments: [2],
    calls: ["ds.setPassword", 'new Page("x").render', "new Page"],
    strings: [
      ["/v1/orders", "@GetMapping"],
      ["hunter2", "ds.setPassword"],
      ["x", "new Page"],
    ],
    imports: ["org.springframework.web.bind.annotation.GetMapping"],
    annotations: ["RestController", "GetMapping"],
  },
  {
    path: "app/main.py",
    language: "python",
    code: 'import os\nfrom redis import Redis\n"""Orders API: password=secret in the docs is not code."""\n# Redis(host="old")\n@app.get("/health")\ndef health():\n    r = Redis(host="redis")\n    return os.getenv("MODE", "prod")\n',
    comments: [3, 4],
    calls: ["app.get", "Redis", "os.getenv"],
    strings: [
      ["/health", "app.get"],
      ["redis", "Redis"],
      ["MODE", "os.getenv"],
      ["prod", "os.getenv"],
    ],
    imports: ["os", "redis"],
    annotations: ["app.get"],
  },
  {
    path: "src/server.ts",
    language: "typescript",
    code: 'import express from "express";\nconst redis = require("ioredis");\n// app.listen(3000)\napp.get(`/v1/items`, (req, res) => res.send("ok"));\n',
    comments: [3],
    calls: ["require", "app.get", "res.send"],
    strings: [
      ["ioredis", "require"],
      ["/v1/items", "app.get"],
      ["ok", "res.send"],
    ],
    imports: ["express", "ioredis"],
    annotations: [],
  },
  {
    path: "app.rb",
    language: "ruby",
    code: 'require "sinatra"\n# get "/old"\nget "/health" do\n  Redis.new(host: "redis")\nend\n',
    comments: [2],
    calls: ["require", "get", "Redis.new"],
    strings: [
      ["sinatra", "require"],
      ["/health", "get"],
      ["redis", "Redis.new"],
    ],
    imports: ["sinatra"],
    annotations: [],
  },
  {
    path: "src/Kernel.php",
    language: "php",
    code: '<?php\nuse App\\Db;\n// new PDO("sqlite::memory:")\n#[Route("/api")]\nfunction connect() { return new PDO("mysql:host=db", "root", "pw"); }\n',
    comments: [3],
    calls: ["new PDO"],
    strings: [
      ["/api", "@Route"],
      ["mysql:host=db", "new PDO"],
      ["root", "new PDO"],
      ["pw", "new PDO"],
    ],
    imports: ["App\\Db"],
    annotations: ["Route"],
  },
  {
    path: "src/main.rs",
    language: "rust",
    code: 'use actix_web::App;\n// Settings::new("old")\n#[get("/v1")]\nasync fn index() { let s = Settings::new("a"); println!("x {}", s); }\n',
    comments: [2],
    calls: ["Settings::new", "println!"],
    strings: [
      ["/v1", "@get"],
      ["a", "Settings::new"],
      ["x {}", "println!"],
    ],
    imports: ["actix_web::App"],
    annotations: ["get"],
  },
  {
    path: "Api/Program.cs",
    language: "csharp",
    code: 'using Grpc.Core;\n// app.MapGet("/old", () => "x");\n[ApiController]\nclass A { void M() { app.MapGet("/healthz", () => "ok"); } }\n',
    comments: [2],
    calls: ["app.MapGet"],
    strings: [
      ["/healthz", "app.MapGet"],
      ["ok", "app.MapGet"],
    ],
    imports: ["Grpc.Core"],
    annotations: ["ApiController"],
  },
];

// First in the file: grammars load once per process, so only the first loads race.
test("services collected at the same time load their grammars without corrupting each other", async () => {
  const sets: [string, Language][][] = [
    [["A.cs", "csharp"]],
    [["a.js", "javascript"]],
    [
      ["a.py", "python"],
      ["b.go", "go"],
    ],
    [
      ["A.java", "java"],
      ["a.ts", "typescript"],
      ["x.rb", "ruby"],
    ],
  ];
  const parsers = await Promise.all(
    sets.map((files) => loadSyntaxParser({ files: files.map(([path, language]) => ({ path, language })) })),
  );
  sets.forEach((files, i) => {
    for (const [path, language] of files) assert.ok(parsers[i]!({ path, language, text: "x" }), `${path} parsed`);
  });
});

test("each language's syntax tree gives its comments, calls, strings with their call, imports and annotations", async () => {
  const parse = await loadSyntaxParser();
  for (const c of CASES) {
    const facts = parse({ path: c.path, language: c.language, text: c.code });
    assert.ok(facts, `${c.language}: parsed`);
    assert.deepEqual(
      facts.comments.map((r) => r[0]),
      c.comments,
      `${c.language}: comment lines`,
    );
    assert.deepEqual(
      facts.calls.map((x) => x.callee).filter((x) => c.calls.includes(x)),
      c.calls,
      `${c.language}: calls`,
    );
    assert.deepEqual(
      facts.strings.map((x) => [x.value, x.call]),
      c.strings,
      `${c.language}: strings`,
    );
    assert.deepEqual(
      facts.imports.map((x) => x.module),
      c.imports,
      `${c.language}: imports`,
    );
    assert.deepEqual(
      facts.annotations.map((x) => x.name),
      c.annotations,
      `${c.language}: annotations`,
    );
  }
});

test("files without a grammar, and files too large to be anyone's hand-written code, are not parsed", async () => {
  const parse = await loadSyntaxParser();
  assert.equal(parse({ path: "run.sh", language: "shell", text: "echo hi\n" }), null);
  assert.equal(parse({ path: "config.yaml", language: null, text: "a: 1\n" }), null);
  assert.equal(parse({ path: "big.js", language: "javascript", text: `var a = "${"x".repeat(600_000)}";` }), null);
});

test("a file in syntax the grammar does not know keeps what could be read, marked partial", async () => {
  const parse = await loadSyntaxParser();
  const facts = parse({ path: "main.go", language: "go", text: 'package main\nfunc main() { fmt.Println("a") \n' });
  assert.ok(facts);
  assert.equal(facts.partial, true);
  assert.deepEqual(
    facts.calls.map((c) => c.callee),
    ["fmt.Println"],
  );
});

test("an import statement naming several modules gives each, aliases dropped", async () => {
  const parse = await loadSyntaxParser();
  const cases: [string, Language, string, string[]][] = [
    ["a.py", "python", "import os, numpy as np\nfrom app.db import session\n", ["os", "numpy", "app.db"]],
    ["A.cs", "csharp", "using Db = Acme.Data.Db;\nusing static System.Math;\n", ["Acme.Data.Db", "System.Math"]],
    ["main.rs", "rust", "use std::{fs, io};\n", ["std::{fs, io}"]],
    ["A.java", "java", "import static org.junit.Assert.assertEquals;\n", ["org.junit.Assert.assertEquals"]],
    // A re-export imports its module; an exported declaration does not.
    [
      "middleware.ts",
      "typescript",
      'export { default } from "next-auth/middleware";\nexport * as db from "./db";\nexport const x = "from \'y\'";\n',
      ["next-auth/middleware", "./db"],
    ],
  ];
  for (const [path, language, code, want] of cases)
    assert.deepEqual(
      parse({ path, language, text: code })?.imports.map((i) => i.module),
      want,
      path,
    );
});

test("a Go or Python call knows its function and whether a `go` statement detaches it", async () => {
  const parse = await loadSyntaxParser();
  const go = parse({
    path: "main.go",
    language: "go",
    text: [
      "package main",
      "func main() {",
      "\tgo func() { srv.ListenAndServe() }()",
      "\tgo worker.Run()",
      "\tlog.Fatal(srv.ListenAndServe())",
      "}",
      "func stop() { signal.Notify(ch) }",
    ].join("\n"),
  });
  assert.deepEqual(
    go?.calls.filter((c) => !c.callee.startsWith("func(")).map((c) => [c.callee, c.line, c.scope, c.detached ?? false]),
    [
      ["srv.ListenAndServe", 3, 3, true],
      ["worker.Run", 4, 2, true],
      ["log.Fatal", 5, 2, false],
      ["srv.ListenAndServe", 5, 2, false],
      ["signal.Notify", 7, 7, false],
    ],
  );
  const py = parse({ path: "app.py", language: "python", text: "def main():\n    app.run()\n\nsignal.signal(signal.SIGTERM, stop)\n" });
  assert.deepEqual(
    py?.calls.map((c) => [c.callee, c.scope]),
    [
      ["app.run", 1],
      ["signal.signal", 0],
    ],
  );
  const js = parse({ path: "a.js", language: "javascript", text: "function f() { g(); }\n" });
  assert.deepEqual(js?.calls, [{ line: 1, callee: "g" }], "no scope where the grammar has no functions listed");
});
