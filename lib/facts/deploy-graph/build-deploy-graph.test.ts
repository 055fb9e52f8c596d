import assert from "node:assert/strict";
import { test } from "node:test";
import { buildDeployGraph } from "@/lib/facts/deploy-graph/build-deploy-graph";

const graph = (files: Record<string, string>, rendered: { dir: string; text: string | null; error?: string }[] = []) =>
  buildDeployGraph({ files: Object.keys(files), texts: Object.entries(files).map(([path, text]) => ({ path, text })), rendered });

test("builds come from compose (with its .env), skaffold, CI workflows with a matrix, and Jib", () => {
  const g = graph({
    ".env": "CART_DOCKERFILE=./src/cart/src/Dockerfile\nIMAGE=ghcr.io/acme/shop\n",
    "compose.yaml":
      "services:\n  cart:\n    image: ${IMAGE}:${TAG:-dev}-cart\n    build:\n      context: ./\n      dockerfile: ${CART_DOCKERFILE}\n",
    "skaffold.yaml":
      "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: frontend\n      context: src/frontend\n    - image: ledger\n      context: src/ledger\n      jib: {}\n",
    ".github/workflows/ci.yml":
      "jobs:\n  build:\n    strategy:\n      matrix:\n        svc: [orders, users]\n    steps:\n      - run: docker build -t acme/${{ matrix.svc }} -f src/${{ matrix.svc }}/Dockerfile src/${{ matrix.svc }}\n",
    "pom.xml": "<project><build><plugins><plugin><artifactId>jib-maven-plugin</artifactId></plugin></plugins></build></project>",
  });
  assert.deepEqual(g.builds.map((b) => [b.via, b.context, b.dockerfile, b.image]).sort(), [
    ["compose", "", "src/cart/src/Dockerfile", "ghcr.io/acme/shop:dev-cart"],
    ["jib", "", null, null],
    ["jib", "src/ledger", null, "ledger"],
    ["skaffold", "src/frontend", "src/frontend/Dockerfile", "frontend"],
    ["workflow", "src/orders", "src/orders/Dockerfile", "acme/orders"],
    ["workflow", "src/users", "src/users/Dockerfile", "acme/users"],
  ]);
});

test("workloads from plain YAML, compose and rendered Kustomize (pointing at the base file); patches and test folders are not deployed", () => {
  const deployment =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1.0\n";
  const g = graph(
    {
      "k8s/base/api.yaml": deployment,
      "k8s/base/kustomization.yaml": "resources:\n  - api.yaml\n",
      "k8s/overlays/prod/kustomization.yaml": "resources:\n  - ../../base\npatchesStrategicMerge:\n  - replicas.yaml\n",
      "k8s/overlays/prod/replicas.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n",
      "tests/e2e/deployment.yaml": deployment,
      "docker-compose.yml":
        "services:\n  api:\n    image: acme/api:1.0\n    healthcheck:\n      test: [CMD, curl, -f, http://localhost/healthz]\n",
    },
    [{ dir: "k8s/overlays/prod", text: deployment.replace("spec:\n  template", "spec:\n  replicas: 3\n  template") }],
  );
  assert.deepEqual(
    g.workloads.map((w) => [w.descriptor, w.kind, w.name, w.at.path]),
    [
      ["compose", "ComposeService", "api", "docker-compose.yml"],
      ["kustomize", "Deployment", "api", "k8s/base/api.yaml"],
    ],
    "the base file is deployed as the overlay renders it, not a second time as it is written",
  );
  assert.equal((g.workloads[1]!.object!.object.spec as { replicas: number }).replicas, 3, "the overlay's patch is in the rendered object");
  assert.equal(g.workloads[0]!.compose?.service.healthcheck, true);
  assert.deepEqual(g.rendered, [{ dir: "k8s/overlays/prod", descriptor: "kustomize", ok: true }]);
});

test("a kustomization's images: tag is what is deployed; a base that could not be rendered stays as written", () => {
  const base =
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web\n";
  const files = {
    "deploy/base/web.yaml": base,
    "deploy/base/kustomization.yaml":
      "resources:\n  - web.yaml\nimages:\n  - name: web\n    newName: ghcr.io/acme/web\n    newTag: 1.4.2\n",
  };
  const rendered = graph(files, [{ dir: "deploy/base", text: base.replace("image: web", "image: ghcr.io/acme/web:1.4.2") }]);
  assert.deepEqual(
    rendered.workloads.map((w) => [w.descriptor, w.images, w.at.path]),
    [["kustomize", ["ghcr.io/acme/web:1.4.2"], "deploy/base/web.yaml"]],
  );
  const failed = graph(files, [{ dir: "deploy/base", text: null, error: "kubectl kustomize failed" }]);
  assert.deepEqual(
    failed.workloads.map((w) => [w.descriptor, w.images]),
    [["kubernetes", ["web"]]],
  );
});

test("no secret literal reaches the graph: texts are redacted before they are parsed", () => {
  const g = graph({
    "deploy/api.yaml":
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      image: acme/api:1\n      env:\n        - name: DB_PASSWORD\n          value: hunter2-very-secret\n",
  });
  assert.ok(!JSON.stringify(g).includes("hunter2-very-secret"));
});

test("compose reads its .env as compose does: ` # comments` end a value, a redacted value stays a string", () => {
  const g = graph({
    ".env": "DB_PASSWORD=orders-pg-pass # shared with the db service\nAPI_KEY=k-9f8e7d6c\n",
    "compose.yaml": [
      "services:",
      "  orders:",
      "    image: acme/orders:1.0",
      "    environment:",
      "      DATABASE_URL: postgres://orders:${DB_PASSWORD}@db/orders",
      "      API_KEY: $API_KEY",
    ].join("\n"),
  });
  const env = g.composeFiles[0]?.services[0]?.environment.map((e) => [e.key, e.value]);
  // The .env is redacted before it is read: the password (and only it) arrives masked, the URL around it intact.
  assert.deepEqual(env, [
    ["DATABASE_URL", "postgres://orders:****@db/orders"],
    ["API_KEY", "****"],
  ]);
});
