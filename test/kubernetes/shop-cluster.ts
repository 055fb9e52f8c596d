import type { KubeObject } from "@/test/kubernetes/stand-in";
import {
  makeConfigMap,
  makeContainer,
  makeHpa,
  makePdb,
  makePod,
  makeSecret,
  makeService,
  makeWorkload,
} from "@/test/kubernetes/make-objects";

/** Values that exist only inside the stand-in's Secrets and one env literal: none may ever leave it. */
export const SHOP_SECRET_VALUES = ["s3cr3t-Value-XYZ-0001", "hunter2-billing-pass"] as const;

/**
 * A small cluster: `checkout` is exemplary (digest-pinned, 2+ replicas, HPA, PDB, probes, preStop, Service,
 * secrets by reference, migrations as a Job), `legacy-billing` breaks most checks, `redis` is a StatefulSet
 * no repository declares, and `monitoring` holds a DaemonSet for namespace filters.
 */
export function shopCluster(): Record<string, KubeObject[]> {
  const checkout = makeWorkload("checkout", {
    image: `registry.example.com/acme/checkout@sha256:${"c".repeat(64)}`,
    replicas: 3,
    annotations: { "dozen.dev/repo": "acme/checkout" },
    labels: { "app.kubernetes.io/part-of": "shop", "dozen.dev/owner": "team-payments" },
    grace: 30,
  });
  const billing = makeWorkload("legacy-billing", {
    image: "registry.example.com/acme/legacy-billing:latest",
    replicas: 1,
    env: [
      { name: "DB_PASSWORD", value: SHOP_SECRET_VALUES[1] },
      { name: "PORT", value: "9000" },
    ],
    port: 9000,
    probes: false,
    preStop: false,
    resources: false,
    nonRoot: false,
    grace: 0,
    command: ["sh", "-c", "bundle exec rake db:migrate && bundle exec puma"],
    volumes: [{ name: "uploads", persistentVolumeClaim: { claimName: "billing-uploads" } }],
    labels: { "dozen.dev/tier": "gold" },
  });
  // Tiers by label (lib/tiers): redis declares tier 2, legacy-billing a tier that is not one (reported, ignored).
  const redis = makeWorkload(
    "redis",
    { image: "redis:7.2.4", replicas: 1, port: 6379, env: [], labels: { "dozen.dev/tier": "2" } },
    "StatefulSet",
  );
  const exporter = makeWorkload(
    "node-exporter",
    { namespace: "monitoring", image: "quay.io/prometheus/node-exporter:v1.8.1", port: 9100, env: [] },
    "DaemonSet",
  );
  const migrate = {
    metadata: {
      name: "checkout-migrate-42",
      namespace: "shop",
      labels: { "app.kubernetes.io/name": "checkout", "app.kubernetes.io/component": "migration" },
    },
    spec: {
      template: {
        metadata: { labels: { "app.kubernetes.io/name": "checkout" } },
        spec: {
          restartPolicy: "Never",
          containers: [
            makeContainer("migrate", {
              image: `registry.example.com/acme/checkout@sha256:${"c".repeat(64)}`,
              command: ["npm", "run", "migrate"],
              port: null,
              probes: false,
              preStop: false,
            }),
          ],
        },
      },
    },
  };
  const report = {
    metadata: { name: "nightly-report", namespace: "shop", labels: { "app.kubernetes.io/name": "checkout" } },
    spec: {
      schedule: "0 2 * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: "OnFailure",
              containers: [
                makeContainer("report", { image: "registry.example.com/acme/checkout:1.4.2", port: null, probes: false, preStop: false }),
              ],
            },
          },
        },
      },
    },
  };
  return {
    deployments: [checkout, billing],
    statefulsets: [redis],
    daemonsets: [exporter],
    jobs: [migrate],
    cronjobs: [report],
    pods: [
      makePod(checkout, 0, { digest: `sha256:${"c".repeat(64)}` }),
      makePod(checkout, 1, { digest: `sha256:${"c".repeat(64)}` }),
      makePod(checkout, 2, { digest: `sha256:${"c".repeat(64)}` }),
      makePod(billing, 0, { digest: `sha256:${"b".repeat(64)}`, restarts: 7 }),
    ],
    services: [makeService("checkout"), makeService("legacy-billing", { port: 9000, sessionAffinity: "ClientIP" })],
    configmaps: [makeConfigMap("checkout-config")],
    secrets: [makeSecret("checkout-db", { password: SHOP_SECRET_VALUES[0] })],
    horizontalpodautoscalers: [makeHpa("checkout")],
    poddisruptionbudgets: [makePdb("checkout")],
  };
}
