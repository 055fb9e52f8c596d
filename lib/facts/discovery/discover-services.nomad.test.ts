import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildDeployGraph } from "@/lib/facts/deploy-graph/build-deploy-graph";
import { deployFactsOf } from "@/lib/facts/discovery/deploy-facts-of";
import { discoverServices } from "@/lib/facts/discovery/discover-services";

/** The inventory of an in-memory tree, its graph, and discovery over both. */
function discover(files: Record<string, string>) {
  const inventory = {
    files: Object.keys(files).sort(),
    texts: Object.entries(files).map(([path, text]) => ({ path, text })),
    rendered: [],
  };
  const graph = buildDeployGraph(inventory);
  return { graph, ...discoverServices({ inventory, graph, rootName: "shop" }) };
}

const task = (name: string, image: string, extra = "") => `    task "${name}" {
      driver = "docker"
      config {
        image = "${image}"
      }
${extra}    }
`;

// A shop deployed to Nomad: the API CI builds, a payments service with only a Dockerfile, and a Redis beside them.
const SHOP = {
  ".github/workflows/release.yml":
    "on: push\njobs:\n  cart:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t ghcr.io/acme/cart src/cart\n",
  "src/cart/Dockerfile": 'FROM golang:1.22\nCOPY . .\nRUN go build -o /cart .\nCMD ["/cart"]\n',
  "src/cart/go.mod": "module github.com/acme/cart\n",
  "src/cart/main.go": "package main\n\nfunc main() {}\n",
  "src/payments/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
  "src/payments/package.json": '{ "name": "payments", "scripts": { "start": "node server.js" } }',
  "deploy/nomad/shop.nomad": `job "shop" {
  datacenters = ["dc1"]

  group "cart" {
    count = 2
${task("server", "ghcr.io/acme/cart:1.4.2", '      env {\n        STRIPE_API_KEY = "sk_live_51HxAbCdEfGhIjKlMnOpQrStUv"\n      }\n')}  }

  group "payments" {
${task("api", "ghcr.io/acme/payments:0.9.1")}  }

  group "cache" {
${task("redis", "redis:7.2-alpine")}  }
}
`,
  "examples/nomad/local.nomad": `job "local" {\n  group "cart" {\n${task("cart", "ghcr.io/acme/cart:dev")}  }\n}\n`,
};

describe("discoverServices with Nomad job files", () => {
  it("joins each task to the service that builds its image, says so on the service page, and lists the rest as unmatched", () => {
    const d = discover(SHOP);
    assert.deepEqual(
      d.services.map((s) => [
        s.name,
        s.path,
        s.deployedBy.map((j) => `${j.workload.at.path}:${j.workload.at.line} ${j.workload.name} by ${j.link}`),
      ]),
      [
        ["cart", "src/cart", ["deploy/nomad/shop.nomad:6 cart by build-context"]],
        ["payments", "src/payments", ["deploy/nomad/shop.nomad:18 payments by image"]],
      ],
      "the examples/ job is not deployed",
    );
    assert.deepEqual(
      d.unmatched.map((w) => [w.descriptor, w.kind, w.name, w.at.line]),
      [["nomad", "NomadTask", "cache", 27]],
    );
    const cart = deployFactsOf({ service: d.services[0]!, services: d.services, graph: d.graph });
    assert.deepEqual(cart.deployedBy, [
      {
        path: "deploy/nomad/shop.nomad",
        line: 6,
        object: "Nomad task shop/cart/server",
        descriptor: "nomad",
        link: "build-context",
        via: null,
      },
    ]);
    assert.deepEqual(cart.repositoryDeploys, ["nomad"]);
    assert.equal(d.services[0]!.deployedBy[0]!.workload.nomad?.count, 2);
    assert.ok(!JSON.stringify(d.graph.workloads).includes("sk_live_51HxAbCdEfGhIjKlMnOpQrStUv"), "no secret literal in the graph");
    assert.ok(!d.graph.lines.get("deploy/nomad/shop.nomad")?.join("\n").includes("sk_live_51HxAbCdEfGhIjKlMnOpQrStUv"));
  });

  it("a repository that builds nothing: its job file's own images are services where declared, a batch job is a job", () => {
    const d = discover({
      "nomad/ledger-reconcile.nomad.hcl": `job "ledger-reconcile" {
  type = "batch"
  periodic {
    crons = ["15 2 * * *"]
  }
  group "reconcile" {
${task("reconcile", "ghcr.io/acme/ledger-reconcile:2.1.0")}  }
}
`,
      "nomad/monitoring.nomad": `job "node-exporter" {\n  type = "system"\n  group "exporter" {\n${task("node-exporter", "quay.io/prometheus/node-exporter:v1.8.2")}  }\n}\n`,
    });
    assert.deepEqual(
      d.services.map((s) => [s.name, s.path, s.basis, s.kind]),
      [["reconcile", "nomad/ledger-reconcile.nomad.hcl", "deploy-only", "job"]],
    );
    assert.deepEqual(
      d.unmatched.map((w) => [w.name, w.nomad?.type]),
      [["exporter", "system"]],
      "a vendor's image is a backing service, listed",
    );
  });
});
