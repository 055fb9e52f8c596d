import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseNomad } from "@/lib/facts/deploy-graph/parse-nomad";

// A storefront's production job: a scaled API with a sidecar, a web tier, and a host task Dozen cannot judge.
const SHOP = `# Storefront, production.
variable "tag" {
  type    = string
  default = "1.4.2"
}

job "shop" {
  datacenters = ["eu-west-1a", "eu-west-1b"]
  type        = "service"
  namespace   = "storefront"

  update {
    max_parallel     = 1
    canary           = 1
    auto_revert      = true
    healthy_deadline = "5m"
  }

  group "cart" {
    count = 3

    scaling {
      enabled = true
      min     = 3
      max     = 12
      policy {
        check "cpu" {
          source = "nomad-apm"
          query  = "avg_cpu"
        }
      }
    }

    network {
      mode = "bridge"
      port "http" { to = 8080 }
      port "metrics" {
        to = 9102
      }
    }

    service {
      name = "cart"
      port = "http"
      tags = ["api", "v1"]
      check {
        type     = "http"
        path     = "/healthz"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "server" {
      driver = "docker"
      config {
        image = "ghcr.io/acme/cart:1.4.2"
        ports = ["http", "metrics"]
        args  = ["--listen", ":8080"]
      }
      env {
        LOG_FORMAT   = "json"
        CART_REDIS   = "redis.service.consul:6379"
        OTEL_SERVICE = "cart"
      }
      resources {
        cpu        = 200
        memory     = 256
        memory_max = 512
      }
      kill_timeout = "20s"
    }

    task "log-shipper" {
      driver = "docker"
      lifecycle {
        hook    = "poststart"
        sidecar = true
      }
      config {
        image = "docker.io/fluent/fluent-bit:3.1"
      }
      resources { cpu = 50 memory = 64 }
    }
  }

  group "web" {
    network {
      port "http" { static = 80 }
    }
    task "nginx" {
      driver = "podman"
      config { image = "docker://ghcr.io/acme/storefront-web:2.0.0" }
      service {
        name = "storefront-web"
        port = "http"
        check {
          type     = "tcp"
          interval = "15s"
          timeout  = "3s"
        }
      }
    }
    task "warm-cache" {
      driver = "exec"
      config { command = "/usr/local/bin/warm" }
    }
  }
}
`;

const summary = (text: string) =>
  parseNomad({ path: "deploy/nomad/shop.nomad.hcl", text }).map((w) => [w.kind, w.name, w.images.join(","), w.at.line]);

describe("parseNomad", () => {
  it("a multi-group service job: one workload per container task, with its group's count, scaling, checks and ports", () => {
    const workloads = parseNomad({ path: "deploy/nomad/shop.nomad.hcl", text: SHOP });
    assert.deepEqual(
      workloads.map((w) => [w.descriptor, w.kind, w.name, w.images, w.containerNames, w.at, w.namespace]),
      [
        [
          "nomad",
          "NomadTask",
          "cart",
          ["ghcr.io/acme/cart:1.4.2"],
          ["server"],
          { path: "deploy/nomad/shop.nomad.hcl", line: 54 },
          "storefront",
        ],
        [
          "nomad",
          "NomadTask",
          "log-shipper",
          ["docker.io/fluent/fluent-bit:3.1"],
          ["log-shipper"],
          { path: "deploy/nomad/shop.nomad.hcl", line: 74 },
          "storefront",
        ],
        [
          "nomad",
          "NomadTask",
          "storefront-web",
          ["ghcr.io/acme/storefront-web:2.0.0"],
          ["nginx"],
          { path: "deploy/nomad/shop.nomad.hcl", line: 91 },
          "storefront",
        ],
      ],
      "the exec task runs no image: not a container workload",
    );
    const [cart, shipper, web] = workloads;
    assert.deepEqual(cart?.nomad, {
      job: "shop",
      type: "service",
      periodic: false,
      group: "cart",
      task: "server",
      driver: "docker",
      lifecycle: null,
      count: 3,
      scaling: { min: 3, max: 12, enabled: true },
      checks: [{ service: "cart", type: "http", path: "/healthz", port: "http", line: 46 }],
      env: ["LOG_FORMAT", "CART_REDIS", "OTEL_SERVICE"],
      resources: { cpu: 200, memory: 256, memoryMax: 512 },
      ports: [
        { label: "http", to: 8080, static: null },
        { label: "metrics", to: 9102, static: null },
      ],
      lines: { job: 7, group: 19, count: 20 },
    });
    assert.deepEqual(shipper?.nomad?.lifecycle, { hook: "poststart", sidecar: true });
    assert.deepEqual(shipper?.nomad?.checks, [], "the group's service is its main task's");
    assert.deepEqual(shipper?.nomad?.resources, { cpu: 50, memory: 64, memoryMax: null }, "a one-line block with two attributes");
    assert.equal(web?.nomad?.count, 1, "no count and no scaling: Nomad runs one");
    assert.deepEqual(web?.nomad?.checks, [{ service: "storefront-web", type: "tcp", path: null, port: "http", line: 97 }]);
    assert.equal(web?.nomad?.resources, null);
  });

  const cases: { name: string; text: string; expect: unknown[][]; check?: (w: ReturnType<typeof parseNomad>) => void }[] = [
    {
      name: "comments of every kind, a commented-out group, and comment marks inside strings",
      text: `// Billing worker
job "billing" { # the job
  /* group "old" {
    task "legacy" { driver = "docker" config { image = "acme/legacy:1" } }
  } */
  group "worker" {
    count = /* two for now */ 2
    # group "ghost" { task "t" { driver = "docker" } }
    task "worker" {
      driver = "docker" // a comment after a value
      config {
        image = "registry.acme.io/billing#worker:7" # not a comment inside the string
        args  = ["--url", "http://billing//v1", "/* kept */"]
      }
    }
  }
}
`,
      expect: [["NomadTask", "worker", "registry.acme.io/billing#worker:7", 9]],
      check: ([w]) => assert.equal(w?.nomad?.count, 2),
    },
    {
      name: "heredoc template blocks: <<EOF and <<-EOF, with braces and Go templates inside; env = true names its variables",
      text: `job "reports" {
  group "reports" {
    task "api" {
      driver = "docker"
      config {
        image = "acme/reports:3.2.0"
      }
      template {
        destination = "secrets/app.env"
        env         = true
        data        = <<-EOF
          DATABASE_URL={{ with secret "db/reports" }}{{ .Data.url }}{{ end }}
          export CACHE_ADDR={{ range service "redis" }}{{ .Address }}{{ end }}
          }
        EOF
      }
      template {
        destination = "local/nginx.conf"
        data = <<EOF
server {
  listen {{ env "NOMAD_PORT_http" }};
}
EOF
      }
      env {
        REPORTS_MODE = "api"
      }
    }
  }
}
`,
      expect: [["NomadTask", "reports", "acme/reports:3.2.0", 3]],
      check: ([w]) => assert.deepEqual(w?.nomad?.env, ["REPORTS_MODE", "DATABASE_URL", "CACHE_ADDR"]),
    },
    {
      name: "interpolations stay unresolved text; Nomad's own name variables are filled in",
      text: `job "search" {
  type = "service"
  group "indexer" {
    count = var.indexers
    task "indexer" {
      driver = "docker"
      config {
        image = "\${var.registry}/search-indexer:\${var.tag}"
        args  = ["--shard", "\${NOMAD_ALLOC_INDEX}", "--peers", "\${join(",", var.peers)}"]
      }
      service {
        name = "\${NOMAD_JOB_NAME}-indexer"
        port = "grpc"
      }
      resources {
        cpu    = var.cpu * 2
        memory = 1024
      }
    }
  }
}
`,
      expect: [["NomadTask", "search-indexer", "${var.registry}/search-indexer:${var.tag}", 5]],
      check: ([w]) => {
        assert.equal(w?.nomad?.count, null, "an expression sets it: unknown, never a guess");
        assert.deepEqual(w?.nomad?.resources, { cpu: null, memory: 1024, memoryMax: null });
      },
    },
    {
      name: "batch, periodic and system jobs keep their type; an unnamed service leaves the group's name",
      text: `job "nightly-export" {
  type = "batch"
  periodic {
    crons            = ["0 3 * * *"]
    prohibit_overlap = true
  }
  group "export" {
    task "export" {
      driver = "docker"
      config { image = "acme/exporter:5" }
    }
  }
}

job "node-exporter" {
  type = "system"
  group "exporter" {
    service {
      port = "metrics"
    }
    task "node-exporter" {
      driver = "docker"
      config { image = "quay.io/prometheus/node-exporter:v1.8.2" }
    }
  }
}
`,
      expect: [
        ["NomadTask", "export", "acme/exporter:5", 8],
        ["NomadTask", "exporter", "quay.io/prometheus/node-exporter:v1.8.2", 21],
      ],
      check: ([exporter, node]) => {
        assert.deepEqual([exporter?.nomad?.type, exporter?.nomad?.periodic], ["batch", true]);
        assert.deepEqual([node?.nomad?.type, node?.nomad?.periodic], ["system", false]);
      },
    },
    { name: "a broken file (an unclosed group) yields nothing", text: SHOP.replace(/\n}\n$/, "\n"), expect: [] },
    { name: "a Levant template is not HCL until rendered", text: 'job "[[ .name ]]" {\n  [[ range .groups ]]\n}\n', expect: [] },
    { name: "an unclosed heredoc", text: 'job "a" {\n  group "b" {\n    task "c" {\n      template { data = <<EOF\nx\n', expect: [] },
    { name: "an unclosed string", text: 'job "a" {\n  group "b" {\n    task "c" {\n      driver = "docker\n    }\n  }\n}\n', expect: [] },
    { name: "YAML is not a job file", text: "apiVersion: v1\nkind: Pod\n", expect: [] },
    { name: "an empty file", text: "", expect: [] },
    { name: "absurd nesting", text: "a {\n".repeat(50_000), expect: [] },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.deepEqual(summary(c.text), c.expect);
      c.check?.(parseNomad({ path: "deploy/nomad/shop.nomad.hcl", text: c.text }));
    });
});
