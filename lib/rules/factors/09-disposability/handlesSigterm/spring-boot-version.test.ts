import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import type { TextFile } from "@/lib/facts/types";
import { findSpringBootVersion } from "./spring-boot-version";

const START = "billing/src/main/java/com/acme/billing/BillingApplication.java";
const file = (path: string, text: string): TextFile => ({ path, language: null, lines: text.split("\n") });
const bootParent = (version: string) =>
  `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n</project>`;
const ownParent = `<project>\n  <parent>\n    <groupId>com.acme</groupId>\n    <artifactId>acme-platform</artifactId>\n    <version>1.0</version>\n  </parent>\n</project>`;

const cases: { name: string; files: TextFile[]; want: [major: number, minor: number, path: string, line: number] | null }[] = [
  {
    name: "a module whose version comes from the parent POM at the root",
    files: [file("billing/pom.xml", ownParent), file("pom.xml", bootParent("2.0.3.RELEASE"))],
    want: [2, 0, "pom.xml", 5],
  },
  {
    name: "the module's own build before its parent's",
    files: [file("pom.xml", bootParent("2.0.3.RELEASE")), file("billing/pom.xml", bootParent("3.4.1"))],
    want: [3, 4, "billing/pom.xml", 5],
  },
  {
    name: "an ancestor's build before another module's",
    files: [file("audit/pom.xml", bootParent("3.5.0")), file("pom.xml", bootParent("2.7.18"))],
    want: [2, 7, "pom.xml", 5],
  },
  {
    name: "<version> before <artifactId> in the parent",
    files: [file("pom.xml", "<parent>\n<version>2.2.6.RELEASE</version>\n<artifactId>spring-boot-starter-parent</artifactId>\n</parent>")],
    want: [2, 2, "pom.xml", 2],
  },
  {
    name: "the spring-boot-dependencies BOM",
    files: [
      file(
        "pom.xml",
        "<dependencyManagement><dependencies>\n<dependency>\n<groupId>org.springframework.boot</groupId>\n<artifactId>spring-boot-dependencies</artifactId>\n<version>3.1.5</version>\n<type>pom</type>\n</dependency>\n</dependencies></dependencyManagement>",
      ),
    ],
    want: [3, 1, "pom.xml", 5],
  },
  {
    name: "a POM property",
    files: [file("pom.xml", "<properties>\n  <spring-boot.version>2.5.14</spring-boot.version>\n</properties>")],
    want: [2, 5, "pom.xml", 2],
  },
  { name: "a commented-out parent is no version", files: [file("pom.xml", `<!--\n${bootParent("3.4.0")}\n-->`)], want: null },
  {
    name: "Gradle Kotlin DSL plugin",
    files: [file("billing/build.gradle.kts", 'plugins {\n    id("org.springframework.boot") version "3.3.4"\n}')],
    want: [3, 3, "billing/build.gradle.kts", 2],
  },
  {
    name: "Gradle Groovy plugin",
    files: [file("build.gradle", "plugins {\n  id 'org.springframework.boot' version '2.1.4.RELEASE'\n}")],
    want: [2, 1, "build.gradle", 2],
  },
  {
    name: "a buildscript classpath",
    files: [
      file(
        "build.gradle",
        'buildscript {\n  dependencies {\n    classpath("org.springframework.boot:spring-boot-gradle-plugin:2.0.5.RELEASE")\n  }\n}',
      ),
    ],
    want: [2, 0, "build.gradle", 3],
  },
  {
    name: "an ext property",
    files: [file("build.gradle", "buildscript {\n  ext {\n    springBootVersion = '2.0.3.RELEASE'\n  }\n}")],
    want: [2, 0, "build.gradle", 3],
  },
  {
    name: "gradle.properties",
    files: [file("gradle.properties", "org.gradle.jvmargs=-Xmx1g\nspringBootVersion=3.2.2")],
    want: [3, 2, "gradle.properties", 2],
  },
  {
    name: "a version catalogue",
    files: [file("gradle/libs.versions.toml", '[versions]\nkotlin = "2.0.21"\nspring-boot = "3.4.2"')],
    want: [3, 4, "gradle/libs.versions.toml", 3],
  },
  { name: "a module that states no version anywhere read", files: [file("billing/pom.xml", ownParent)], want: null },
];

for (const c of cases) {
  test(`Spring Boot version: ${c.name}`, () => {
    const found = findSpringBootVersion({ facts: emptyFacts({ textFiles: c.files }), from: START });
    assert.deepEqual(found && [found.major, found.minor, found.path, found.line], c.want);
  });
}

test("Spring Boot version: a Boot dependency with a version when no build file states one", () => {
  const facts = emptyFacts({
    textFiles: [file("billing/pom.xml", ownParent)],
    dependencyManifests: [
      {
        path: "billing/pom.xml",
        ecosystem: "maven",
        lockfile: null,
        dependencies: [
          { name: "org.projectlombok:lombok", version: "1.18.30", line: 9, dev: false },
          { name: "org.springframework.boot:spring-boot-starter-web", version: "2.6.3", line: 12, dev: false },
        ],
      },
    ],
  });
  assert.deepEqual(findSpringBootVersion({ facts, from: START }), { major: 2, minor: 6, path: "billing/pom.xml", line: 12 });
});
