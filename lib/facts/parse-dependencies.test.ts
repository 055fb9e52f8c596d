import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Ecosystem } from "@/lib/facts/types";
import { bigPackageJson } from "@/test/support/hostile-lines";
import { parseDependencies } from "@/lib/facts/parse-dependencies";

type Dep = [name: string, version: string | null, line: number, dev: boolean];

interface Case {
  path: string;
  text: string;
  paths?: string[];
  ecosystem: Ecosystem;
  lockfile: string | null;
  deps: Dep[];
  problems?: RegExp;
}

const cases: Case[] = [
  {
    path: "shop/services/cart/package.json",
    text: `{
  "name": "cart",
  "dependencies": {
    "express": "^4.19.2",
    "pg": "8.11.3"
  },
  "devDependencies": { "typescript": "~5.4.0" },
  "peerDependencies": { "react": "*" }
}`,
    // The workspace lockfile lives at the monorepo root.
    paths: ["shop/package-lock.json"],
    ecosystem: "npm",
    lockfile: "shop/package-lock.json",
    deps: [
      ["express", "^4.19.2", 4, false],
      ["pg", "8.11.3", 5, false],
      ["typescript", "~5.4.0", 7, true],
    ],
  },
  {
    path: "web/package.json",
    text: `{\n  "dependencies": { "next": "14.2.0" }\n`,
    ecosystem: "npm",
    lockfile: null,
    deps: [],
    problems: /^invalid JSON: .*\(line 3\)$/,
  },
  {
    // The reason must not quote the file (V8 puts a slice of the input in its message).
    path: "web2/package.json",
    text: `{\n  "name": tok-do-not-quote\n}`,
    ecosystem: "npm",
    lockfile: null,
    deps: [],
    problems: /^invalid JSON: (?!.*tok-do-not).+$/,
  },
  {
    path: "api/requirements.txt",
    text: "# web\nflask==3.0.2\nrequests[socks] >=2.31 ; python_version >= '3.8'\n-r base.txt\n--index-url https://pypi.example/simple\ngunicorn\n-e git+https://github.com/acme/lib.git@v1#egg=acme-lib\nuvicorn==0.29 \\\n    --hash=sha256:abc\n",
    ecosystem: "pip",
    lockfile: null,
    deps: [
      ["flask", "==3.0.2", 2, false],
      ["requests", ">=2.31", 3, false],
      ["gunicorn", null, 6, false],
      ["acme-lib", "git+https://github.com/acme/lib.git@v1", 7, false],
      ["uvicorn", "==0.29", 8, false],
    ],
  },
  {
    path: "api/requirements-dev.txt",
    text: "pytest==8.1\n",
    ecosystem: "pip",
    lockfile: null,
    deps: [["pytest", "==8.1", 1, true]],
  },
  {
    path: "billing/pyproject.toml",
    text: `[tool.poetry]
name = "billing"

[tool.poetry.dependencies]
python = "^3.12"
fastapi = "^0.110.0"
sqlalchemy = { version = "^2.0", extras = ["asyncio"] }

[tool.poetry.group.dev.dependencies]
pytest = "^8.0"  # tests
`,
    paths: ["billing/poetry.lock"],
    ecosystem: "poetry",
    lockfile: "billing/poetry.lock",
    deps: [
      ["fastapi", "^0.110.0", 6, false],
      ["sqlalchemy", "^2.0", 7, false],
      ["pytest", "^8.0", 10, true],
    ],
  },
  {
    path: "pep621/pyproject.toml",
    text: `[project]
name = "x"
dependencies = [
  "httpx>=0.27",
  "pydantic[email]==2.6.4",
]

[project.optional-dependencies]
test = ["pytest"]
`,
    paths: ["pep621/uv.lock"],
    ecosystem: "pip",
    lockfile: "pep621/uv.lock",
    deps: [
      ["httpx", ">=0.27", 4, false],
      ["pydantic", "==2.6.4", 5, false],
      ["pytest", null, 9, true],
    ],
  },
  {
    path: "legacy/Pipfile",
    text: `[packages]\ndjango = "==5.0"\ncelery = "*"\n\n[dev-packages]\nblack = {version = "*"}\n`,
    ecosystem: "pip",
    lockfile: null,
    deps: [
      ["django", "==5.0", 2, false],
      ["celery", null, 3, false],
      ["black", null, 6, true],
    ],
  },
  {
    path: "gateway/go.mod",
    text: "module example.com/gateway\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.5\n\tgolang.org/x/text v0.14.0 // indirect\n)\n",
    paths: ["gateway/go.sum"],
    ecosystem: "go",
    lockfile: "gateway/go.sum",
    deps: [
      ["github.com/go-chi/chi/v5", "v5.0.12", 5, false],
      ["github.com/jackc/pgx/v5", "v5.5.5", 8, false],
      ["golang.org/x/text", "v0.14.0", 9, false],
    ],
  },
  {
    path: "ledger/pom.xml",
    text: `<project>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-dependencies</artifactId><version>3.2.4</version></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <!-- <dependency><groupId>old</groupId><artifactId>gone</artifactId></dependency> -->
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>\${junit.version}</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build><plugins><plugin><dependencies><dependency><groupId>p</groupId><artifactId>plugin-dep</artifactId></dependency></dependencies></plugin></plugins></build>
</project>`,
    ecosystem: "maven",
    lockfile: null,
    deps: [
      ["org.springframework.boot:spring-boot-starter-web", null, 9, false],
      ["org.junit.jupiter:junit-jupiter", "${junit.version}", 13, true],
    ],
  },
  {
    path: "notify/build.gradle.kts",
    text: `plugins { kotlin("jvm") version "1.9.23" }
dependencies {
    implementation("io.ktor:ktor-server-core:2.3.9")
    implementation(platform("org.jetbrains.kotlin:kotlin-bom"))
    implementation(libs.logback.classic)
    testImplementation("io.kotest:kotest-runner-junit5:5.8.1")
    // implementation("commented:out:1")
}`,
    paths: ["notify/gradle.lockfile"],
    ecosystem: "gradle",
    lockfile: "notify/gradle.lockfile",
    deps: [
      ["io.ktor:ktor-server-core", "2.3.9", 3, false],
      ["org.jetbrains.kotlin:kotlin-bom", null, 4, false],
      ["libs.logback.classic", null, 5, false],
      ["io.kotest:kotest-runner-junit5", "5.8.1", 6, true],
    ],
  },
  {
    path: "legacy-java/build.gradle",
    text: "dependencies {\n  compileOnly group: 'org.projectlombok', name: 'lombok', version: '1.18.30'\n  testImplementation 'junit:junit:4.13.2'\n}\n",
    ecosystem: "gradle",
    lockfile: null,
    deps: [
      ["org.projectlombok:lombok", "1.18.30", 2, false],
      ["junit:junit", "4.13.2", 3, true],
    ],
  },
  {
    path: "storefront/Gemfile",
    text: `source "https://rubygems.org"
gem "rails", "~> 7.1", ">= 7.1.3"
gem "pg"
group :development, :test do
  gem "rspec-rails"
end
group :production do
  gem "lograge"
end
gem "bootsnap", require: false
gem "pry", group: :development
`,
    paths: ["storefront/Gemfile.lock"],
    ecosystem: "bundler",
    lockfile: "storefront/Gemfile.lock",
    deps: [
      ["rails", "~> 7.1, >= 7.1.3", 2, false],
      ["pg", null, 3, false],
      ["rspec-rails", null, 5, true],
      ["lograge", null, 8, false],
      ["bootsnap", null, 10, false],
      ["pry", null, 11, true],
    ],
  },
  {
    path: "crates/search/Cargo.toml",
    text: `[package]
name = "search"
version = "0.1.0"

[dependencies]
tokio = { version = "1.36", features = ["full"] }
serde = "1.0"
axum.workspace = true

[dependencies.tracing]
version = "0.1"

[dev-dependencies]
proptest = "1"

[target.'cfg(unix)'.dependencies]
nix = "0.28"
`,
    // A Cargo workspace keeps one lockfile at its root.
    paths: ["Cargo.lock"],
    ecosystem: "cargo",
    lockfile: "Cargo.lock",
    deps: [
      ["tokio", "1.36", 6, false],
      ["serde", "1.0", 7, false],
      ["axum", "workspace", 8, false],
      ["tracing", "0.1", 11, false],
      ["proptest", "1", 14, true],
      ["nix", "0.28", 17, false],
    ],
  },
  {
    path: "payments/src/Payments.Api/Payments.Api.csproj",
    text: `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Npgsql" Version="8.0.2" />
    <PackageReference Include="Serilog.AspNetCore">
      <Version>8.0.1</Version>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1.118" PrivateAssets="all" />
  </ItemGroup>
</Project>`,
    paths: ["payments/src/Payments.Api/packages.lock.json"],
    ecosystem: "nuget",
    lockfile: "payments/src/Payments.Api/packages.lock.json",
    deps: [
      ["Npgsql", "8.0.2", 3, false],
      ["Serilog.AspNetCore", "8.0.1", 4, false],
      ["StyleCop.Analyzers", "1.1.118", 7, true],
    ],
  },
  {
    path: "cms/composer.json",
    text: `{\n  "require": {\n    "php": ">=8.2",\n    "ext-json": "*",\n    "laravel/framework": "^11.0"\n  },\n  "require-dev": {\n    "phpunit/phpunit": "^11"\n  }\n}`,
    paths: ["cms/composer.lock"],
    ecosystem: "composer",
    lockfile: "cms/composer.lock",
    deps: [
      ["laravel/framework", "^11.0", 5, false],
      ["phpunit/phpunit", "^11", 8, true],
    ],
  },
];

describe("parseDependencies", () => {
  for (const c of cases) {
    it(`${c.ecosystem}: ${c.path}`, () => {
      const { manifest, problems } = parseDependencies({
        path: c.path,
        lines: c.text.split("\n"),
        paths: new Set([c.path, ...(c.paths ?? [])]),
      });
      assert.equal(manifest?.ecosystem, c.ecosystem);
      assert.equal(manifest?.lockfile, c.lockfile);
      assert.deepEqual(
        manifest?.dependencies.map((d) => [d.name, d.version, d.line, d.dev]),
        c.deps,
      );
      if (c.problems) assert.match(problems[0] ?? "", c.problems);
      else assert.deepEqual(problems, []);
    });
  }

  it("returns null for a file that is not a manifest", () => {
    assert.deepEqual(parseDependencies({ path: "README.md", lines: [], paths: new Set() }), { manifest: null, problems: [] });
  });

  it("does not take a lockfile from a parent for ecosystems without workspaces", () => {
    const { manifest } = parseDependencies({ path: "a/go.mod", lines: ["module a"], paths: new Set(["go.sum"]) });
    assert.equal(manifest?.lockfile, null);
  });
});

// Large manifests in linear time (issue #17: 23k dependencies took 13 s). Times are `npm run bench:hostile`'s;
// a generous timeout here only catches a return to quadratic.
describe("parseDependencies: large and broken manifests finish", () => {
  const parse = (path: string, text: string) => parseDependencies({ path, lines: text.split("\n"), paths: new Set() });

  it("a package.json with 23,000 dependencies: each on its own line", { timeout: 30_000 }, () => {
    const parsed = parse("package.json", bigPackageJson(23_000));
    assert.equal(parsed.manifest?.dependencies.length, 23_000);
    assert.deepEqual(parsed.manifest?.dependencies.at(-1), { name: "dep-22999", version: "^1.0.22999", line: 23_003, dev: false });
  });

  it("a pom.xml of 40,000 unclosed <dependency> tags and a .csproj of unclosed references: no dependency", { timeout: 30_000 }, () => {
    assert.deepEqual(parse("pom.xml", "<dependency>".repeat(40_000)).manifest?.dependencies, []);
    assert.deepEqual(parse("app.csproj", '<PackageReference Include="a">'.repeat(15_000)).manifest?.dependencies, []);
  });
});
