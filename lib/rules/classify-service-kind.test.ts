import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import { classifyServiceKind } from "@/lib/rules/classify-service-kind";
import { parseDockerfile } from "@/lib/facts/parse-dockerfile";
import type { DockerfileFacts, TextFile } from "@/lib/facts/types";

const file = (path: string, language: TextFile["language"], ...lines: string[]): TextFile => ({ path, language, lines });
const dockerfile = (image: string): DockerfileFacts =>
  parseDockerfile({ path: "Dockerfile", lines: [`FROM ${image}`, "COPY seed.sql /docker-entrypoint-initdb.d/"] }).dockerfile;

test("the deploy config's kind wins: a service deployed only as a CronJob is a job", () => {
  const facts = emptyFacts({ textFiles: [file("main.go", "go", 'http.ListenAndServe(":8080", nil)')] });
  assert.equal(classifyServiceKind({ ...facts, service: { ...facts.service, kind: "job" } }), "job");
});

test("code decides between an HTTP server, a gRPC server and a queue consumer", () => {
  assert.equal(
    classifyServiceKind(
      emptyFacts({ textFiles: [file("main.go", "go", 'http.HandleFunc("/v1/orders", h)', 'http.ListenAndServe(":8080", nil)')] }),
    ),
    "http",
  );
  assert.equal(
    classifyServiceKind(
      emptyFacts({ textFiles: [file("server.py", "python", "server = grpc.server(pool)", "add_CartServicer_to_server(Cart(), server)")] }),
    ),
    "grpc",
  );
  const consumer = file(
    "Program.cs",
    "csharp",
    "var builder = WebApplication.CreateBuilder(args);",
    "builder.AddEventBus().AddSubscription<OrderPlaced, OrderPlacedHandler>();",
    "app.MapDefaultEndpoints();",
  );
  assert.equal(classifyServiceKind(emptyFacts({ textFiles: [consumer] })), "worker", "health endpoints do not make a consumer an API");
});

test("the image it builds on: a seeded Postgres image is a data store, behind any registry", () => {
  assert.equal(classifyServiceKind(emptyFacts({ dockerfiles: [dockerfile("public.ecr.aws/docker/library/postgres:16.3")] })), "datastore");
  assert.equal(classifyServiceKind(emptyFacts({ dockerfiles: [dockerfile("opensearchproject/opensearch:2.15.0")] })), "datastore");
});

test("a load generator is a tool, by its dependencies or, without code, by its name", () => {
  const locust = emptyFacts({
    dependencyManifests: [
      {
        path: "requirements.txt",
        ecosystem: "pip",
        lockfile: null,
        dependencies: [{ name: "locust", version: "2.31.1", line: 1, dev: false }],
      },
    ],
  });
  assert.equal(classifyServiceKind(locust), "tool");
  const deployOnly = emptyFacts({ textFiles: [file("deploy/load-test-dep.yaml", null, "kind: Deployment")] });
  assert.equal(classifyServiceKind({ ...deployOnly, service: { ...deployOnly.service, name: "load-test" } }), "tool");
  assert.equal(classifyServiceKind({ ...deployOnly, service: { ...deployOnly.service, name: "user-db" } }), "datastore");
});
