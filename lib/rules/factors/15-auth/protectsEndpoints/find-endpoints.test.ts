import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import type { TextFile } from "@/lib/facts/types";
import { describeEndpoints, findEndpoints } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-endpoints";
import { findGrpcServers, statementAt } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-grpc-servers";
import { findProxiedConsoles } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-proxied-consoles";
import { isPublicStorefront } from "@/lib/rules/factors/15-auth/protectsEndpoints/is-public-storefront";

const file = (path: string, language: TextFile["language"], ...lines: string[]): TextFile => ({ path, language, lines });
const inService = (name: string, path: string, ...files: TextFile[]) =>
  emptyFacts({ service: { name, path, languages: [], owners: [] }, textFiles: files });

test("a statement runs to its closing parenthesis, across lines and along a builder chain", () => {
  const cases: { lines: string[]; column: number; want: string }[] = [
    { lines: ["srv := grpc.NewServer(", "  grpc.Creds(tls),", ")", "other()"], column: 7, want: "grpc.NewServer(\n  grpc.Creds(tls),\n)" },
    { lines: ["b = ServerBuilder.forPort(port)", "  .intercept(auth)", "  .build();", "x();"], column: 4, want: ".intercept(auth)" },
    { lines: ["app.MapGrpcService<Cart>();", 'app.MapGet("/", h).RequireAuthorization();'], column: 4, want: "MapGrpcService<Cart>()" },
  ];
  for (const c of cases) {
    const text = statementAt(c.lines, 0, c.column);
    assert.ok(text.includes(c.want), `${JSON.stringify(text)} should include ${JSON.stringify(c.want)}`);
  }
  assert.ok(!statementAt(cases[2]!.lines, 0, 4).includes("RequireAuthorization"), "the next statement is not part of this one");
  const unclosed = statementAt(["grpc.NewServer(", ...Array<string>(50).fill("  x,")], 0, 0);
  assert.ok(unclosed.split("\n").length <= 31, "a stray parenthesis reads at most 30 lines");
});

test("a gRPC server with credentials, interceptors or options built elsewhere is guarded; a bare one is open", () => {
  const cases: { name: string; file: TextFile; guarded: boolean }[] = [
    { name: "Go, tracing only", file: file("main.go", "go", "s := grpc.NewServer(grpc.StatsHandler(h))"), guarded: false },
    { name: "Go, TLS creds", file: file("main.go", "go", "s := grpc.NewServer(", "  grpc.Creds(creds),", ")"), guarded: true },
    { name: "Go, interceptor", file: file("main.go", "go", "s := grpc.NewServer(grpc.ChainUnaryInterceptor(authn))"), guarded: true },
    { name: "Go, options from elsewhere", file: file("main.go", "go", "s := grpc.NewServer(opts...)"), guarded: true },
    {
      name: "Python, bare",
      file: file("server.py", "python", "server = grpc.server(pool)", "server.add_insecure_port(addr)"),
      guarded: false,
    },
    {
      name: "Python, interceptors at creation",
      file: file("server.py", "python", "server = grpc.server(pool, interceptors=[TokenCheck()])", "server.add_insecure_port(addr)"),
      guarded: true,
    },
    {
      name: "Java, intercepted chain",
      file: file("A.java", "java", "ServerBuilder.forPort(p)", "  .intercept(new Auth())", "  .build();"),
      guarded: true,
    },
    {
      name: "C#, authorised mapping",
      file: file("Program.cs", "csharp", "app.MapGrpcService<Cart>().RequireAuthorization();"),
      guarded: true,
    },
  ];
  for (const c of cases) {
    const servers = findGrpcServers(emptyFacts({ textFiles: [c.file] }));
    assert.equal(servers.length, 1, c.name);
    assert.equal(servers[0]?.guarded, c.guarded, c.name);
  }
});

test("an edge proxy's routes count when they reach a console, or when the service is itself an admin UI", () => {
  const nginx = file(
    "web/nginx.conf",
    null,
    "server {",
    "  location / { root /usr/share/nginx/html; }",
    "  location /api/orders/ {",
    "    proxy_pass http://orders:8080/;",
    "  }",
    "  location /grafana/ {",
    "    proxy_pass http://monitoring:3000/;",
    "  }",
    "}",
  );
  assert.deepEqual(
    findProxiedConsoles(inService("web", "web", nginx)).map((e) => e.lineStart),
    [6],
    "the shop's API is not a console; Grafana is",
  );
  assert.deepEqual(
    findProxiedConsoles(inService("shop-admin", "web", nginx)).map((e) => e.lineStart),
    [3, 6],
  );
  const envoy = file("edge/envoy.yaml", null, "routes:", '  - match: { prefix: "/flags" }', "    route:", "      cluster: flagd-ui");
  assert.equal(findProxiedConsoles(inService("edge", "edge", envoy)).length, 1, "the cluster may be lines below the match");
  assert.deepEqual(
    findProxiedConsoles(inService("api", "api", file("nginx.conf", null, "location /admin/ { proxy_pass http://a; }"))),
    [],
    "another folder's proxy",
  );
});

test("a static site exposes only what its proxy hands on: browser code calling an API declares no routes", () => {
  const spa = file("shop/src/api.js", "javascript", 'api.get("/products").then(render);');
  const facts = inService("shop", "shop", spa);
  assert.deepEqual(findEndpoints(facts, "static").routes, []);
  assert.equal(findEndpoints(facts, "http").routes.length, 1, "the same line in a server is a route");
});

test("beside a gRPC service, the root notice is not an API; health endpoints never are", () => {
  const program = file(
    "Program.cs",
    "csharp",
    "app.MapGrpcService<Cart>();",
    'app.MapGet("/", () => "use a gRPC client");',
    'app.MapGet("/_health", h);',
  );
  const endpoints = findEndpoints(emptyFacts({ textFiles: [program] }), "grpc");
  assert.equal(endpoints.grpc.length, 1);
  assert.deepEqual(endpoints.routes, []);
  assert.equal(describeEndpoints(endpoints), "1 gRPC server");
  const rust = file(
    "src/main.rs",
    "rust",
    '.route("/health", web::get().to(ok))',
    '#[post("/ship-order")]',
    '.route("/", web::delete().to(rm))',
  );
  const routes = findEndpoints(emptyFacts({ textFiles: [rust] }), "http");
  assert.deepEqual(
    routes.routes.map((e) => e.lineStart),
    [2, 3],
  );
  assert.equal(describeEndpoints({ ...routes, mcp: routes.routes.slice(0, 1) }), "an MCP server over HTTP and 2 routes");
});

test("a storefront renders pages and sells; a back office renders pages, an API sells without pages", () => {
  const routes = (...paths: string[]) =>
    paths.map((p, i) => ({ type: "repo" as const, path: "main.go", lineStart: i + 1, lineEnd: i + 1, snippet: p }));
  const pages = file("handlers.go", "go", 'pages.ExecuteTemplate(w, "home.html", nil)');
  const shop = emptyFacts({ textFiles: [pages] });
  assert.equal(isPublicStorefront(shop, routes('r.HandleFunc(base+"/cart", add)', 'r.HandleFunc(base+"/", home)')), true);
  assert.equal(isPublicStorefront(shop, routes('r.HandleFunc("/customers/edit", edit)')), false, "a back office sells nothing");
  assert.equal(isPublicStorefront(emptyFacts(), routes("app.get('/cart/:id', get)")), false, "a cart API renders no pages");
});
