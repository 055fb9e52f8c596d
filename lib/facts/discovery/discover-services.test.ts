import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildDeployGraph } from "@/lib/facts/deploy-graph/build-deploy-graph";
import { discoverServices } from "@/lib/facts/discovery/discover-services";
import { deployFactsOf } from "@/lib/facts/discovery/deploy-facts-of";

/** Discovery over an in-memory tree: every file listed, every text given (as the inventory would read them). */
function discover(files: Record<string, string>, rendered: { dir: string; text: string | null }[] = []) {
  const inventory = { files: Object.keys(files).sort(), texts: Object.entries(files).map(([path, text]) => ({ path, text })), rendered };
  return discoverServices({ inventory, graph: buildDeployGraph(inventory), rootName: "repo" });
}

const summary = (d: ReturnType<typeof discover>) =>
  d.services.map((s) => ({
    name: s.name,
    path: s.path,
    joins: s.deployedBy.map((j) => `${j.workload.at.path} ${j.workload.kind}/${j.workload.name} by ${j.link}`),
  }));

const deployment = (name: string, image: string, extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: server
          image: ${image}
${extra}`;

describe("discoverServices", () => {
  it("a polyglot shop: services are its built images, joined to manifests in a sibling folder; tests and debug images are not services", () => {
    const d = discover({
      "skaffold.yaml":
        "apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: cartservice\n      context: src/cartservice/src\n    - image: frontend\n      context: src/frontend\n",
      "src/cartservice/src/Dockerfile": 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY . .\nENTRYPOINT ["dotnet", "cart.dll"]\n',
      "src/cartservice/src/Dockerfile.debug": "FROM mcr.microsoft.com/dotnet/sdk:8.0\n",
      "src/cartservice/src/cart.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
      "src/cartservice/tests/Dockerfile": 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nCMD ["dotnet", "test"]\n',
      "src/cartservice/tests/cart.tests.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      "src/frontend/Dockerfile": 'FROM golang:1.22\nCOPY . .\nCMD ["/frontend"]\n',
      "src/frontend/main.go": "package main\n\nfunc main() {}\n",
      "kubernetes-manifests/cartservice.yaml": `${deployment("cartservice", "cartservice")}---\n${deployment("redis-cart", "redis:alpine")}`,
      "kubernetes-manifests/frontend.yaml": deployment("frontend", "frontend"),
    });
    assert.deepEqual(summary(d), [
      {
        name: "cartservice",
        path: "src/cartservice/src",
        joins: ["kubernetes-manifests/cartservice.yaml Deployment/cartservice by build-context"],
      },
      { name: "frontend", path: "src/frontend", joins: ["kubernetes-manifests/frontend.yaml Deployment/frontend by build-context"] },
    ]);
    assert.equal(d.services[0]?.runtimeDockerfile, "src/cartservice/src/Dockerfile", "the image skaffold builds, not Dockerfile.debug");
    assert.deepEqual(
      d.unmatched.map((w) => w.name),
      ["redis-cart"],
      "a backing service joins nothing and is listed, not dropped",
    );
  });

  it("a Maven multi-module system: modules with an application class, named as compose deploys them; src/it is test code", () => {
    const d = discover({
      "pom.xml":
        "<project><modules><module>clinic-config-server</module><module>clinic-visits</module></modules><build><plugins><plugin><artifactId>jib-maven-plugin</artifactId></plugin></plugins></build></project>",
      "clinic-config-server/pom.xml": "<project/>",
      "clinic-config-server/src/main/java/org/acme/ConfigServerApplication.java":
        "@SpringBootApplication\npublic class ConfigServerApplication {}\n",
      "clinic-visits/pom.xml": "<project/>",
      "clinic-visits/src/main/java/org/acme/sample/VisitsApplication.java": "@SpringBootApplication\npublic class VisitsApplication {}\n",
      "clinic-shared/pom.xml": "<project/>",
      "clinic-shared/src/main/java/org/acme/Money.java": "public class Money {}\n",
      // Maven invoker integration tests: a project of their own under src/it, never a service.
      "clinic-visits/src/it/smoke/pom.xml": "<project/>",
      "clinic-visits/src/it/smoke/src/main/java/org/acme/SmokeApplication.java":
        "@SpringBootApplication\npublic class SmokeApplication {}\n",
      "clinic-visits/src/it/smoke/Dockerfile": 'FROM eclipse-temurin:21\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      "docker-compose.yml":
        "services:\n  config-server:\n    image: acme/clinic-config-server\n  visits-service:\n    image: acme/clinic-visits\n  mysql:\n    image: mysql:8\n",
    });
    assert.deepEqual(summary(d), [
      { name: "config-server", path: "clinic-config-server", joins: ["docker-compose.yml ComposeService/config-server by image"] },
      { name: "visits-service", path: "clinic-visits", joins: ["docker-compose.yml ComposeService/visits-service by image"] },
    ]);
  });

  it("a .NET solution with an Aspire AppHost: the projects it adds, by its names; tests, libraries and the AppHost are not services", () => {
    const d = discover({
      "src/Store.AppHost/Program.cs":
        'var b = DistributedApplication.CreateBuilder(args);\nb.AddProject<Projects.Catalog_API>("catalog-api");\nb.AddProject<Projects.OrderProcessor>("order-processor");\n',
      "src/Store.AppHost/Store.AppHost.csproj": '<Project Sdk="Aspire.AppHost.Sdk"></Project>',
      "src/Catalog.API/Catalog.API.csproj": '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
      "src/Catalog.API/Program.cs": "var app = WebApplication.Create();\n",
      "src/OrderProcessor/OrderProcessor.csproj": '<Project Sdk="Microsoft.NET.Sdk.Worker"></Project>',
      "src/Store.Shared/Store.Shared.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>',
      "tests/Catalog.API.Tests/Catalog.API.Tests.csproj": '<Project Sdk="Microsoft.NET.Sdk"></Project>',
    });
    assert.deepEqual(
      d.services.map((s) => [s.name, s.path, s.basis]),
      [
        ["catalog-api", "src/Catalog.API", "module"],
        ["order-processor", "src/OrderProcessor", "module"],
      ],
    );
  });

  it("a deploy-only repository: each workload of an image built elsewhere is a service where it is declared; vendor images are backing services", () => {
    const d = discover({
      "deploy/kubernetes/manifests/01-carts-dep.yaml": deployment("carts", "acme/carts:0.4.8"),
      "deploy/kubernetes/manifests/02-carts-db-dep.yaml": deployment("carts-db", "mongo:3.4"),
      "deploy/kubernetes/manifests/03-user-db-dep.yaml": deployment("user-db", "acme/user-db:0.3.0"),
      "deploy/docker-compose/docker-compose.yml":
        "services:\n  carts:\n    image: acme/carts:0.4.8\n  edge-router:\n    image: acme/edge-router:0.1.1\n  rabbitmq:\n    image: rabbitmq:3.6\n",
      "graphs/Dockerfile": "FROM grafana/grafana\nCOPY dashboards /dashboards\n",
      "graphs/dashboards/shop.json": "{}",
    });
    assert.deepEqual(
      d.services.map((s) => [s.name, s.path, s.basis]),
      [
        ["edge-router", "deploy/docker-compose/docker-compose.yml#edge-router", "deploy-only"],
        ["carts", "deploy/kubernetes/manifests/01-carts-dep.yaml", "deploy-only"],
        ["user-db", "deploy/kubernetes/manifests/03-user-db-dep.yaml", "deploy-only"],
      ],
    );
    assert.deepEqual(
      d.services
        .find((s) => s.name === "carts")
        ?.deployedBy.map((j) => j.workload.descriptor)
        .sort(),
      ["compose", "kubernetes"],
      "one image, one service, every declaration",
    );
  });

  it("a workspace service built from the monorepo root is its own folder; a dev container names the folder it mounts", () => {
    const d = discover({
      "shop/package.json": '{ "workspaces": ["services/*"] }',
      "shop/services/cart-api/package.json": '{ "name": "cart-api", "scripts": { "start": "node dist/main.js" } }',
      "shop/services/cart-api/Dockerfile": 'FROM node:20\nCOPY . .\nCMD ["node", "dist/main.js"]\n',
      "shop/services/cart-api/docker-compose.yml":
        "services:\n  cart-api:\n    build:\n      context: ../..\n      dockerfile: services/cart-api/Dockerfile\n",
      "web/package.json": '{ "name": "web", "scripts": { "serve": "vite" } }',
      "web/src/main.ts": "createApp()\n",
      "docker/web/Dockerfile": 'FROM node:20\nCMD ["npm", "run", "serve"]\n',
      "docker-compose.yml": "services:\n  web:\n    build: docker/web\n    volumes:\n      - ./web:/web\n",
    });
    assert.deepEqual(summary(d), [
      {
        name: "cart-api",
        path: "shop/services/cart-api",
        joins: ["shop/services/cart-api/docker-compose.yml ComposeService/cart-api by compose-service"],
      },
      { name: "web", path: "web", joins: ["docker-compose.yml ComposeService/web by compose-service"] },
    ]);
  });

  it("a single service at the root is the one service; descriptors name services and their owners", () => {
    assert.deepEqual(
      discover({
        Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "index.js"]\n',
        "package.json": '{"scripts":{"start":"node index.js"}}',
        "index.js": "",
      }).services.map((s) => [s.name, s.path]),
      [["repo", "."]],
    );
    const d = discover({
      ".github/CODEOWNERS": "*  @acme/platform\n/payments/  @acme/payments\n",
      "payments/Dockerfile": 'FROM golang:1.22\nCOPY . .\nCMD ["/payments"]\n',
      "payments/go.mod": "module payments\n",
      "payments/catalog-info.yaml":
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: payments-api\nspec:\n  owner: team-payments\n",
      "exporter/dozen.yaml": 'name: metrics-exporter\nowner: "@acme/sre"\n',
    });
    assert.deepEqual(
      d.services.map((s) => [s.name, s.path, s.owners, s.ownerFrom]),
      [
        ["metrics-exporter", "exporter", ["@acme/platform", "@acme/sre"], "CODEOWNERS"],
        ["payments-api", "payments", ["team-payments", "@acme/payments"], "catalog-info.yaml"],
      ],
    );
  });
  it("one shared Dockerfile built per service: by a CI step calling a script with the service's name, or by the Maven parent POM", () => {
    const scripted = {
      "cloudbuild.yaml":
        'steps:\n- id: orders-docker\n  name: gcr.io/cloud-builders/docker\n  entrypoint: ./scripts/build-image.sh\n  args: ["orders", "$PROJECT_ID"]\n- id: billing-docker\n  name: gcr.io/cloud-builders/docker\n  entrypoint: ./scripts/build-image.sh\n  args: ["billing", "$PROJECT_ID"]\n',
      "scripts/build-image.sh":
        '#!/bin/bash\nreadonly service="$1"\nreadonly project="$2"\ndocker build -t "gcr.io/$project/$service" ./services -f ./docker/release/Dockerfile --build-arg "SERVICE=$service"\n',
      "docker/release/Dockerfile":
        'FROM golang:1.22\nARG SERVICE\nCOPY . /src\nWORKDIR /src/$SERVICE\nRUN go build -o /app .\nCMD ["/app"]\n',
      "services/orders/main.go": "package main\n",
      "services/orders/go.mod": "module orders\n",
      "services/billing/main.go": "package main\n",
      "services/billing/go.mod": "module billing\n",
      "services/common/go.mod": "module common\n",
    };
    const d = discover(scripted);
    assert.deepEqual(
      d.services.map((s) => [s.name, s.path, s.runtimeDockerfile, s.builds.map((b) => `${b.at.path}:${b.at.line}`)]),
      [
        ["billing", "services/billing", "docker/release/Dockerfile", ["scripts/build-image.sh:4"]],
        ["orders", "services/orders", "docker/release/Dockerfile", ["scripts/build-image.sh:4"]],
      ],
    );
    const inventory = {
      files: Object.keys(scripted),
      texts: Object.entries(scripted).map(([path, text]) => ({ path, text })),
      rendered: [],
    };
    const orders = deployFactsOf({ service: d.services[1]!, services: d.services, graph: buildDeployGraph(inventory) });
    assert.deepEqual(
      orders.buildFiles.map((f) => f.path),
      ["docker/release/Dockerfile"],
      "the shared Dockerfile becomes the service's own fact",
    );

    const pom = (body: string) => `<project><modelVersion>4.0.0</modelVersion>${body}</project>`;
    const maven = {
      "pom.xml": pom(
        "<groupId>org.acme</groupId><artifactId>shop</artifactId><packaging>pom</packaging>" +
          "<modules><module>shop-orders</module><module>shop-gateway</module></modules>" +
          "<properties><image.prefix>acme</image.prefix><dockerfile.dir>${basedir}</dockerfile.dir></properties>" +
          "<profiles><profile><id>docker</id><build><plugins><plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId>" +
          "<configuration><executable>docker</executable><workingDirectory>${dockerfile.dir}</workingDirectory>" +
          "<arguments><argument>build</argument><argument>-f</argument><argument>Dockerfile</argument><argument>-t</argument>" +
          "<argument>${image.prefix}/${project.artifactId}</argument><argument>${project.build.directory}</argument></arguments>" +
          "</configuration></plugin></plugins></build></profile></profiles>",
      ),
      "docker/Dockerfile":
        'FROM eclipse-temurin:21\nARG ARTIFACT_NAME\nCOPY ${ARTIFACT_NAME}.jar app.jar\nENTRYPOINT ["java", "-jar", "app.jar"]\n',
      "shop-orders/pom.xml": pom(
        "<parent><groupId>org.acme</groupId><artifactId>shop</artifactId></parent><artifactId>shop-orders</artifactId>" +
          "<properties><dockerfile.dir>${basedir}/../docker</dockerfile.dir></properties>",
      ),
      "shop-orders/src/main/java/org/acme/orders/OrdersApplication.java": "@SpringBootApplication public class OrdersApplication {}",
      "shop-gateway/pom.xml": pom(
        "<parent><groupId>org.acme</groupId><artifactId>shop</artifactId></parent><artifactId>shop-gateway</artifactId>" +
          "<properties><dockerfile.dir>${basedir}/../docker</dockerfile.dir></properties>",
      ),
      "shop-gateway/src/main/java/org/acme/gateway/GatewayApplication.java": "@SpringBootApplication public class GatewayApplication {}",
    };
    const m = discover(maven);
    assert.deepEqual(
      m.services.map((s) => [s.path, s.runtimeDockerfile, s.builds.map((b) => b.image)]),
      [
        ["shop-gateway", "docker/Dockerfile", ["acme/shop-gateway"]],
        ["shop-orders", "docker/Dockerfile", ["acme/shop-orders"]],
      ],
    );
    const mavenInventory = {
      files: Object.keys(maven),
      texts: Object.entries(maven).map(([path, text]) => ({ path, text })),
      rendered: [],
    };
    const gateway = deployFactsOf({ service: m.services[0]!, services: m.services, graph: buildDeployGraph(mavenInventory) });
    assert.deepEqual(
      gateway.buildFiles.map((f) => f.path),
      ["docker/Dockerfile", "pom.xml"],
      "the parent POM is part of the module's build",
    );
  });
  it("Gradle convention plugins: a module applying the buildSrc plugin that configures Jib builds an image, and inherits its build files", () => {
    const gradle = {
      "settings.gradle.kts": 'rootProject.name = "shop"\ninclude("orders", "billing", "money")\n',
      "build.gradle.kts": 'subprojects {\n  group = "org.acme"\n  repositories { mavenCentral() }\n}\n',
      "buildSrc/build.gradle.kts": "plugins { `kotlin-dsl` }\nrepositories { gradlePluginPortal() }\n",
      "buildSrc/src/main/kotlin/acme.java-conventions.gradle.kts":
        "plugins { java }\njava { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n",
      "buildSrc/src/main/kotlin/acme.service-conventions.gradle.kts":
        'plugins {\n  id("acme.java-conventions")\n  id("org.springframework.boot")\n  id("com.google.cloud.tools.jib")\n}\njib { from { image = "eclipse-temurin:21-jre" } }\n',
      "orders/build.gradle.kts": 'plugins { id("acme.service-conventions") }\n',
      "orders/src/main/kotlin/org/acme/orders/OrdersApplication.kt": "@SpringBootApplication class OrdersApplication\n",
      "billing/build.gradle.kts": "plugins { `acme.service-conventions` }\n",
      "billing/src/main/kotlin/org/acme/billing/BillingApplication.kt": "@SpringBootApplication class BillingApplication\n",
      "money/build.gradle.kts": 'plugins { id("acme.java-conventions") }\n',
      "money/src/main/kotlin/org/acme/money/Money.kt": "data class Money(val cents: Long)\n",
    };
    const d = discover(gradle);
    assert.deepEqual(
      d.services.map((s) => [s.path, s.builds.map((b) => `${b.via} ${b.at.path}:${b.at.line}`)]),
      [
        ["billing", ["jib buildSrc/src/main/kotlin/acme.service-conventions.gradle.kts:4"]],
        ["orders", ["jib buildSrc/src/main/kotlin/acme.service-conventions.gradle.kts:4"]],
      ],
    );
    const inventory = { files: Object.keys(gradle), texts: Object.entries(gradle).map(([path, text]) => ({ path, text })), rendered: [] };
    const orders = deployFactsOf({ service: d.services[1]!, services: d.services, graph: buildDeployGraph(inventory) });
    assert.deepEqual(
      orders.buildFiles.map((f) => f.path),
      [
        "buildSrc/src/main/kotlin/acme.service-conventions.gradle.kts",
        "buildSrc/src/main/kotlin/acme.java-conventions.gradle.kts",
        "build.gradle.kts",
      ],
    );
  });
});
